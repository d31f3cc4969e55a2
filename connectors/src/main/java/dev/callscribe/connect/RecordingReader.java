package dev.callscribe.connect;

import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.codec.AudioFileReader;
import dev.callscribe.codec.WavAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one recording into memory for publishing, telling a bad file (rejected: it will never be publishable) from
 * a file that cannot be read right now (an {@link IOException}: it is tried again at a later scan).
 */
final class RecordingReader {

    private RecordingReader() {
    }

    /**
     * Reads the file, provided it is still the version that was listed.
     *
     * @param listed   the size and modification time the file had when listed
     * @param maxBytes the largest file to read
     * @throws RecordingRejectedException if it is too large, not a WAV or FLAC file, or in a format not read
     * @throws IOException if it cannot be read, or changed since it was listed or while it was read
     */
    static WavAudio read(Path file, FileStamp listed, long maxBytes) throws IOException, RecordingRejectedException {
        if (listed.sizeBytes() > maxBytes) {
            throw new RecordingRejectedException(DeadLetterReason.OVERSIZE_CHUNK, file + " has " + listed.sizeBytes()
                    + " bytes, more than " + RecordingSourceConfig.FILE_MAX_BYTES_CONFIG + " (" + maxBytes + ")",
                    null);
        }
        byte[] bytes = Files.readAllBytes(file);
        FileStamp now = FileStamp.of(file);
        if (!now.equals(listed) || bytes.length != listed.sizeBytes()) {
            throw new IOException(file + " changed while it was read (" + listed + " when listed, " + now
                    + " after reading " + bytes.length + " bytes): still being written?");
        }
        try {
            return AudioFileReader.decode(bytes, file.toString());
        } catch (IllegalArgumentException e) {
            throw new RecordingRejectedException(DeadLetterReason.UNDECODABLE_RECORD, file + ": " + e.getMessage(), e);
        }
    }
}
