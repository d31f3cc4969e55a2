package dev.callscribe.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads one file into a blob of the cache: into {@code {etag}.incomplete} first, resuming what an earlier
 * attempt or process left there with a {@code Range} request, then checks the size and, for large (LFS) files whose
 * ETag is a sha256, the sha256, and only then moves it into place in one step. A file that fails the check is
 * deleted, so the cache never holds bad bytes. A connection that drops is resumed on a new one; the retries give up
 * only after a run of attempts that receive no data ({@link Retrier#callCountingFromProgress}).
 *
 * <p>Thread-safe for different blobs; callers hold the blob's lock ({@link HubCache#lock}).
 */
final class BlobDownloader {

    private static final int BUFFER_BYTES = 1 << 16;

    private final HubHttp http;
    private final Retrier retrier;
    private final Duration stallTimeout;
    private final DownloadListener listener;
    private final boolean tokenSent;

    BlobDownloader(HubHttp http, Retrier retrier, Duration stallTimeout, DownloadListener listener,
                   boolean tokenSent) {
        this.http = http;
        this.retrier = retrier;
        this.stallTimeout = stallTimeout;
        this.listener = listener;
        this.tokenSent = tokenSent;
    }

    void download(BlobRequest request) throws IOException {
        long resumedFrom = sizeOrZero(request.incomplete());
        DownloadProgress progress = new DownloadProgress(request.repo().value(), request.file(), resumedFrom,
            request.metadata().size(), resumedFrom);
        listener.onStart(progress);
        // Each attempt resumes where the last one stopped, so the retries count from the last byte received.
        retrier.callCountingFromProgress("download of " + request.file() + " from " + request.repo(), () -> {
            transfer(request, progress);
            return null;
        }, () -> bytesOnDisk(request.incomplete()));
        verify(request);
        moveIntoPlace(request.incomplete(), request.blob());
        listener.onComplete(progress.at(Files.size(request.blob())));
    }

    private void transfer(BlobRequest request, DownloadProgress progress) throws IOException {
        Path partial = request.incomplete();
        Files.createDirectories(partial.getParent());
        long have = sizeOrZero(partial);
        long expected = request.metadata().size();
        if (expected >= 0 && have == expected) {
            return;
        }
        if (expected >= 0 && have > expected) {
            Files.delete(partial);
            have = 0;
        }
        HttpResponse<InputStream> response = http.getStream(request.url(), have);
        try (InputStream body = response.body()) {
            writeBody(body, partial, startOffset(response, have, request), progress);
        }
        long written = Files.size(partial);
        if (expected >= 0 && written < expected) {
            throw new IOException("connection ended after " + written + " of " + expected + " bytes");
        }
    }

    /** Where the response's body starts in the file: the resume point for 206, the beginning for 200. */
    private long startOffset(HttpResponse<InputStream> response, long have, BlobRequest request) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return 0;
        }
        if (status == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            if (!range.startsWith("bytes " + have + "-")) {
                Files.deleteIfExists(request.incomplete());
                throw new IOException("asked for bytes from " + have + " but got range '" + range + "'; starting over");
            }
            return have;
        }
        if (status == 416) {
            Files.deleteIfExists(request.incomplete());
            throw new IOException("the partial download does not fit the file any more (HTTP 416); starting over");
        }
        response.body().close();
        throw HubErrors.of(response, HubErrors.Subject.FILE, "download of " + request.file(), request.repo(),
            tokenSent);
    }

    private void writeBody(InputStream body, Path partial, long start, DownloadProgress progress) throws IOException {
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             StallWatchdog watchdog = new StallWatchdog(body, stallTimeout)) {
            out.truncate(start);
            out.position(start);
            byte[] buffer = new byte[BUFFER_BYTES];
            long done = start;
            for (int read = read(body, buffer, watchdog); read >= 0; read = read(body, buffer, watchdog)) {
                watchdog.progressed();
                out.write(ByteBuffer.wrap(buffer, 0, read));
                done += read;
                listener.onProgress(progress.at(done));
            }
            if (watchdog.fired()) {
                throw stalled(null);
            }
        }
    }

    private IOException stalled(IOException cause) {
        return new IOException("no data for " + stallTimeout.toMillis() + " ms; resuming on a new connection", cause);
    }

    private int read(InputStream body, byte[] buffer, StallWatchdog watchdog) throws IOException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            if (watchdog.fired()) {
                throw stalled(e);
            }
            throw e;
        }
    }

    private static void verify(BlobRequest request) throws IOException {
        Path partial = request.incomplete();
        long size = Files.size(partial);
        long expected = request.metadata().size();
        if (expected >= 0 && size != expected) {
            Files.delete(partial);
            throw new HubException(HubException.Reason.CHECKSUM_MISMATCH, request.file() + " from " + request.repo()
                + ": got " + size + " bytes, expected " + expected + "; the download was discarded");
        }
        Optional<String> expectedSha = request.metadata().sha256();
        if (expectedSha.isPresent()) {
            String actual = sha256(partial);
            if (!actual.equals(expectedSha.get())) {
                Files.delete(partial);
                throw new HubException(HubException.Reason.CHECKSUM_MISMATCH, request.file() + " from "
                    + request.repo() + ": sha256 is " + actual + ", expected " + expectedSha.get()
                    + "; the download was discarded");
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void moveIntoPlace(Path partial, Path blob) throws IOException {
        try {
            Files.move(partial, blob, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, blob, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long sizeOrZero(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    /** The size of a partial download, 0 where there is none or it cannot be read (progress is then not counted). */
    private static long bytesOnDisk(Path partial) {
        try {
            return sizeOrZero(partial);
        } catch (IOException e) {
            return 0;
        }
    }
}
