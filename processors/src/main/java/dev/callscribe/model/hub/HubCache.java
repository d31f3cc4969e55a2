package dev.callscribe.model.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hugging Face hub cache layout, shared with the Python tools:
 * <pre>
 * {cache}/models--{owner}--{name}/blobs/{etag}              file contents, named by their ETag (sha256 for LFS)
 * {cache}/models--{owner}--{name}/blobs/{etag}.incomplete   a download in progress, resumable
 * {cache}/models--{owner}--{name}/snapshots/{commit}/{path} relative symlink to the blob (a copy where symlinks fail)
 * {cache}/models--{owner}--{name}/refs/{revision}           the commit a branch or tag pointed to
 * {cache}/.locks/models--{owner}--{name}/{etag}.lock        held while a blob is downloaded
 * </pre>
 * Names that come from the server (ETags, commits, file paths) are checked so none can point outside the cache.
 *
 * <p>Thread-safe. {@link #lock} serializes work on one blob between threads of this JVM and, through a file lock,
 * between processes sharing the cache.
 */
final class HubCache {

    private static final Logger LOG = LoggerFactory.getLogger(HubCache.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    HubCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path blob(RepoId repo, String etag) throws HubException {
        return repoDir(repo).resolve("blobs").resolve(safeName(etag, "ETag"));
    }

    Path incomplete(RepoId repo, String etag) throws HubException {
        Path blob = blob(repo, etag);
        return blob.resolveSibling(blob.getFileName() + ".incomplete");
    }

    Path snapshotDir(RepoId repo, String commit) throws HubException {
        return repoDir(repo).resolve("snapshots").resolve(safeName(commit, "commit"));
    }

    Path snapshotFile(RepoId repo, String commit, String file) throws HubException {
        return resolveInside(snapshotDir(repo, commit), file, "file path");
    }

    Optional<String> readRef(RepoId repo, String revision) throws IOException {
        Path ref = resolveInside(repoDir(repo).resolve("refs"), revision, "revision");
        return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref, StandardCharsets.UTF_8).trim())
            : Optional.empty();
    }

    void writeRef(RepoId repo, String revision, String commit) throws IOException {
        Path ref = resolveInside(repoDir(repo).resolve("refs"), revision, "revision");
        Files.createDirectories(ref.getParent());
        Path temporary = Files.createTempFile(ref.getParent(), ".ref", ".tmp");
        Files.writeString(temporary, commit, StandardCharsets.UTF_8);
        Files.move(temporary, ref, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Returns the files of a snapshot whose contents are present, relative and '/'-separated. */
    List<String> snapshotFiles(RepoId repo, String commit) throws IOException {
        Path snapshot = snapshotDir(repo, commit);
        if (!Files.isDirectory(snapshot)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(snapshot)) {
            return paths.filter(Files::isRegularFile).map(path -> slashSeparated(snapshot.relativize(path))).toList();
        }
    }

    /** Points a snapshot path at a blob: a relative symlink, as the Python tools make, or a copy where they fail. */
    void link(Path snapshotFile, Path blob) throws IOException {
        Files.createDirectories(snapshotFile.getParent());
        Files.deleteIfExists(snapshotFile);
        try {
            Files.createSymbolicLink(snapshotFile, snapshotFile.getParent().relativize(blob));
        } catch (FileAlreadyExistsException e) {
            LOG.debug("{} was linked meanwhile by another download of the same file", snapshotFile);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Symlinks unavailable in {} ({}); copying the file instead", root, e.toString());
            Files.copy(blob, snapshotFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Takes the lock of one blob, waiting for another thread or process that holds it.
     *
     * @return the lock; closing it releases it
     */
    BlobLock lock(RepoId repo, String etag) throws IOException {
        Path lockFile = root.resolve(".locks").resolve(repo.cacheFolderName())
            .resolve(safeName(etag, "ETag") + ".lock");
        Files.createDirectories(lockFile.getParent());
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        local.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new BlobLock(local, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private Path repoDir(RepoId repo) {
        return root.resolve(repo.cacheFolderName());
    }

    private static String safeName(String name, String what) throws HubException {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new HubException(HubException.Reason.UNEXPECTED_RESPONSE, "Unusable " + what + " '" + name
                + "' for the cache; expected letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    private static Path resolveInside(Path folder, String relative, String what) throws HubException {
        Path resolved = folder.resolve(relative).normalize();
        if (relative.isEmpty() || relative.startsWith("/") || !resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new HubException(HubException.Reason.UNEXPECTED_RESPONSE, "Unusable " + what + " '" + relative
                + "': it would leave " + folder);
        }
        return resolved;
    }

    private static String slashSeparated(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** A held blob lock: the in-process lock and the file lock, released together. */
    record BlobLock(ReentrantLock local, FileChannel channel, FileLock fileLock) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }
}
