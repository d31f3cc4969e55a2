package dev.callscribe.publish;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads recordings into memory for publishing: WAV (PCM16, float32, mu-law, A-law; mono or multi-channel; any
 * rate) and FLAC (decoded to PCM16) told apart by their first bytes, or headerless audio in a format the caller
 * gives. Every failure names the file and says what is wrong: an {@link IOException} when the file cannot be read,
 * an {@link IllegalArgumentException} when its content is not audio this reader takes. Stateless and thread-safe.
 */
public final class Recordings {

    private static final byte[] WAV_MAGIC = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FLAC_MAGIC = "fLaC".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_BYTES = 4;

    private Recordings() {
    }

    /**
     * Reads a WAV or FLAC file, recognised by its content whatever its name.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is neither a WAV nor a FLAC file this reader takes, or holds no audio
     */
    public static Recording read(Path file) throws IOException {
        byte[] bytes = readAll(file);
        try {
            return new Recording(nameOf(file), decode(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads headerless audio: the whole file is the payload, interleaved frames in the given format.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is a WAV or FLAC file (its header would be read as samples), is
     *         not a whole number of frames, or is empty
     */
    public static Recording readRaw(Path file, RawFormat format) throws IOException {
        byte[] bytes = readAll(file);
        try {
            if (startsWith(bytes, WAV_MAGIC) || startsWith(bytes, FLAC_MAGIC)) {
                throw new IllegalArgumentException("is a " + (startsWith(bytes, WAV_MAGIC) ? "WAV" : "FLAC")
                        + " file, not headerless audio: its header would be published as samples; read it without"
                        + " a raw format");
            }
            WavAudio audio = new WavAudio(format.sampleRateHz(), format.channels(), format.encoding(), bytes);
            return new Recording(nameOf(file), audio);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The audio of a WAV or FLAC file's bytes, recognised by their content.
     *
     * @throws IllegalArgumentException if the bytes are neither a WAV nor a FLAC file this reader takes
     */
    public static WavAudio decode(byte[] bytes) {
        if (startsWith(bytes, WAV_MAGIC)) {
            return WavReader.read(bytes);
        }
        if (startsWith(bytes, FLAC_MAGIC)) {
            return FlacReader.read(bytes);
        }
        String start = bytes.length == 0 ? "it is empty"
                : "it starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0,
                        Math.min(MAGIC_BYTES, bytes.length));
        throw new IllegalArgumentException("not a WAV or FLAC file (" + start + "); headerless audio can be read "
                + "when its encoding, sample rate and channel count are given");
    }

    private static byte[] readAll(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + reason(e), e);
        }
    }

    /** The reason alone: a FileSystemException's own message repeats the path. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }
}
