package dev.callscribe.publish;

import dev.callscribe.codec.AudioFileReader;
import dev.callscribe.codec.WavAudio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads recordings into memory for publishing: WAV and FLAC files as {@link AudioFileReader} reads them for every
 * command, or headerless audio in a format the caller gives. Every failure names the file and says what is wrong: an
 * {@link IOException} when the file cannot be read, an {@link IllegalArgumentException} when its content is not
 * audio this reader takes or holds no audio. Stateless and thread-safe.
 */
public final class Recordings {

    private Recordings() {
    }

    /**
     * Reads a WAV or FLAC file, recognised by its content whatever its name.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is neither a WAV nor a FLAC file this reader takes, or holds no audio
     */
    public static Recording read(Path file) throws IOException {
        WavAudio audio = AudioFileReader.read(file);
        try {
            return new Recording(nameOf(file), audio);
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
        byte[] bytes = AudioFileReader.readBytes(file);
        try {
            Optional<String> container = AudioFileReader.containerOf(bytes);
            if (container.isPresent()) {
                throw new IllegalArgumentException("is a " + container.get() + " file, not headerless audio: its"
                        + " header would be published as samples; read it without a raw format");
            }
            WavAudio audio = new WavAudio(format.sampleRateHz(), format.channels(), format.encoding(), bytes);
            return new Recording(nameOf(file), audio);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }
}
