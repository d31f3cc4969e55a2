package dev.callscribe.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads audio files, the one reader of every command that takes one ({@code transcribe}, {@code publish},
 * {@code features}, {@code demo --audio}) and of the recording source connector: WAV (PCM16, float32, mu-law, A-law;
 * any channel count and rate) and FLAC (decoded to PCM16), told apart by their first bytes whatever the file's name.
 *
 * <p>Every failure names the file and says what is wrong: an {@link IOException} when the file cannot be read
 * ({@code cannot read call.wav: no such file}), an {@link IllegalArgumentException} when its content is not audio
 * this reader takes. A WAV file whose header promises more audio than the file holds (a copy or upload cut short) is
 * read as far as it goes, with a warning naming the file. Stateless and thread-safe.
 */
public final class AudioFileReader {

    private static final Logger LOG = LoggerFactory.getLogger(AudioFileReader.class);
    private static final byte[] WAV_MAGIC = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FLAC_MAGIC = "fLaC".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_BYTES = 4;

    private AudioFileReader() {
    }

    /**
     * Reads a WAV or FLAC file, recognised by its content; a WAV file cut short is logged as a warning.
     *
     * @throws IOException naming the file and the reason if it cannot be read
     * @throws IllegalArgumentException naming the file if it is neither a WAV nor a FLAC file this reader takes
     */
    public static WavAudio read(Path file) throws IOException {
        return read(file, LOG::warn);
    }

    /** As {@link #read(Path)}, with the warning about a WAV file cut short going to {@code warnings}. */
    static WavAudio read(Path file, Consumer<String> warnings) throws IOException {
        byte[] bytes = readBytes(file);
        try {
            return decode(bytes, file.toString(), warnings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The audio of a WAV or FLAC file's bytes, recognised by their content; a WAV file cut short is logged as a
     * warning naming {@code source}.
     *
     * @param source the file the bytes came from, for the warning
     * @throws IllegalArgumentException if the bytes are neither a WAV nor a FLAC file this reader takes (the
     *         message does not repeat {@code source})
     */
    public static WavAudio decode(byte[] bytes, String source) {
        return decode(bytes, source, LOG::warn);
    }

    private static WavAudio decode(byte[] bytes, String source, Consumer<String> warnings) {
        if (startsWith(bytes, WAV_MAGIC)) {
            WavReader.WavFile wav = WavReader.parse(bytes);
            if (wav.cutShort()) {
                warnings.accept(cutShortWarning(source, wav));
            }
            return wav.audio();
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

    private static String cutShortWarning(String source, WavReader.WavFile wav) {
        WavAudio audio = wav.audio();
        double bytesPerSecond = (double) audio.sampleRateHz() * audio.channels() * audio.encoding().bytesPerSample();
        return String.format(Locale.ROOT, "%s: its WAV header promises %d bytes of audio (%.1f s) but the file holds"
                + " %d (%.1f s); it was probably cut short in a copy or upload. Using the %.1f s present.", source,
                wav.declaredDataBytes(), wav.declaredDataBytes() / bytesPerSecond, audio.payload().length,
                audio.durationSeconds(), audio.durationSeconds());
    }

    /**
     * The container the bytes start like: {@code WAV} or {@code FLAC}, or empty for anything else (headerless
     * audio, or a format this reader does not take).
     */
    public static Optional<String> containerOf(byte[] bytes) {
        if (startsWith(bytes, WAV_MAGIC)) {
            return Optional.of("WAV");
        }
        return startsWith(bytes, FLAC_MAGIC) ? Optional.of("FLAC") : Optional.empty();
    }

    /**
     * The whole content of a file.
     *
     * @throws IOException {@code cannot read FILE: REASON}, the reason in a few words ({@code no such file},
     *         {@code it is a directory}, {@code permission denied}, or the system's own)
     */
    public static byte[] readBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + file + ": it is a directory, not a file");
        }
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
}
