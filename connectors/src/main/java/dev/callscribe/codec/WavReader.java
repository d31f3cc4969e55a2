package dev.callscribe.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: format tags PCM (1, 16-bit), IEEE float (3, 32-bit), A-law (6, 8-bit), mu-law (7, 8-bit),
 * and WAVE_FORMAT_EXTENSIBLE (0xFFFE) with one of those as its sub-format. Chunks other than {@code fmt } and
 * {@code data} ({@code LIST}, {@code fact}, {@code cue } and so on) are skipped. A {@code data} size larger than
 * the file (as streaming writers leave it, or as a file cut short has it) is read as "to the end of the file", cut
 * to whole frames; {@link AudioFileReader} warns about the latter, naming the file.
 *
 * <p>Malformed or unsupported content is reported as an {@link IllegalArgumentException} saying what was found and
 * what is supported; I/O failures as {@link IOException}. Stateless and thread-safe.
 */
public final class WavReader {

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    private static final int FMT_MIN_BYTES = 16;
    private static final int EXTENSIBLE_MIN_BYTES = 40;
    private static final int TAG_PCM = 1;
    private static final int TAG_IEEE_FLOAT = 3;
    private static final int TAG_ALAW = 6;
    private static final int TAG_MULAW = 7;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final int SUBFORMAT_OFFSET = 24;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a plain format tag. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };
    private static final String SUPPORTED = "supported: PCM 16-bit (1), IEEE float 32-bit (3), A-law 8-bit (6),"
            + " mu-law 8-bit (7), or WAVE_FORMAT_EXTENSIBLE with one of those";

    private WavReader() {
    }

    /**
     * Reads a WAV file; {@link AudioFileReader#read} also takes FLAC and warns about a file cut short.
     *
     * @throws IOException naming the file and the reason if it cannot be read
     * @throws IllegalArgumentException naming the file if it is not a WAV file in a supported format
     */
    public static WavAudio read(Path file) throws IOException {
        byte[] bytes = AudioFileReader.readBytes(file);
        try {
            return read(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of a whole WAV file.
     *
     * @param file the file's bytes; the returned payload is a copy, so the array may be reused
     * @throws IllegalArgumentException if the bytes are not a WAV file in a supported format
     */
    public static WavAudio read(byte[] file) {
        return parse(file).audio();
    }

    /**
     * Parses the bytes of a whole WAV file, keeping what its header declares beside what was read.
     *
     * @throws IllegalArgumentException if the bytes are not a WAV file in a supported format
     */
    static WavFile parse(byte[] file) {
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        expectTag(bytes, 0, "RIFF");
        expectTag(bytes, 8, "WAVE");
        Format format = null;
        int position = RIFF_HEADER_BYTES;
        while (position + CHUNK_HEADER_BYTES <= file.length) {
            String id = tag(bytes, position);
            long size = Integer.toUnsignedLong(bytes.getInt(position + 4));
            int body = position + CHUNK_HEADER_BYTES;
            if ("fmt ".equals(id)) {
                format = parseFormat(bytes, body, (int) Math.min(size, file.length - body));
            } else if ("data".equals(id)) {
                return audio(format, file, body, size);
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            position = (int) Math.min(file.length, body + size + (size & 1));
        }
        throw new IllegalArgumentException("no data chunk found in " + file.length + " bytes");
    }

    private static WavFile audio(Format format, byte[] file, int body, long declaredSize) {
        if (format == null) {
            throw new IllegalArgumentException("data chunk found before any fmt chunk");
        }
        int frameBytes = format.encoding().bytesPerSample() * format.channels();
        int available = file.length - body;
        int length;
        if (declaredSize <= available) {
            length = (int) declaredSize;
        } else {
            length = available - available % frameBytes;
        }
        byte[] payload = new byte[length];
        System.arraycopy(file, body, payload, 0, length);
        return new WavFile(new WavAudio(format.sampleRateHz(), format.channels(), format.encoding(), payload),
                declaredSize);
    }

    private static Format parseFormat(ByteBuffer bytes, int body, int size) {
        if (size < FMT_MIN_BYTES) {
            throw new IllegalArgumentException("fmt chunk of " + size + " bytes; expected at least " + FMT_MIN_BYTES);
        }
        int tag = Short.toUnsignedInt(bytes.getShort(body));
        int channels = Short.toUnsignedInt(bytes.getShort(body + 2));
        int sampleRate = bytes.getInt(body + 4);
        int blockAlign = Short.toUnsignedInt(bytes.getShort(body + 12));
        int bits = Short.toUnsignedInt(bytes.getShort(body + 14));
        if (tag == TAG_EXTENSIBLE) {
            tag = subFormatTag(bytes, body, size);
        }
        SampleEncoding encoding = encoding(tag, bits);
        if (channels < 1 || blockAlign != channels * encoding.bytesPerSample()) {
            throw new IllegalArgumentException("fmt chunk has " + channels + " channel(s) and block align "
                    + blockAlign + "; expected at least 1 channel and block align = channels x "
                    + encoding.bytesPerSample() + " bytes for " + encoding);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("fmt chunk has sample rate " + Integer.toUnsignedString(sampleRate)
                    + " Hz; expected a positive rate below 2^31");
        }
        return new Format(sampleRate, channels, encoding);
    }

    private static int subFormatTag(ByteBuffer bytes, int body, int size) {
        if (size < EXTENSIBLE_MIN_BYTES) {
            throw new IllegalArgumentException("WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size
                    + " bytes; expected at least " + EXTENSIBLE_MIN_BYTES);
        }
        int guid = body + SUBFORMAT_OFFSET;
        for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
            if (bytes.get(guid + 2 + i) != SUBFORMAT_GUID_TAIL[i]) {
                throw new IllegalArgumentException("WAVE_FORMAT_EXTENSIBLE sub-format GUID is not a standard"
                        + " format-tag GUID; " + SUPPORTED);
            }
        }
        return Short.toUnsignedInt(bytes.getShort(guid));
    }

    private static SampleEncoding encoding(int tag, int bits) {
        if (tag == TAG_PCM && bits == 16) {
            return SampleEncoding.PCM_S16LE;
        } else if (tag == TAG_IEEE_FLOAT && bits == 32) {
            return SampleEncoding.FLOAT32LE;
        } else if (tag == TAG_ALAW && bits == 8) {
            return SampleEncoding.ALAW;
        } else if (tag == TAG_MULAW && bits == 8) {
            return SampleEncoding.MULAW;
        }
        throw new IllegalArgumentException("unsupported WAV format: tag " + tag + " with " + bits
                + " bits per sample; " + SUPPORTED);
    }

    private static void expectTag(ByteBuffer bytes, int position, String expected) {
        String found = bytes.limit() >= position + 4 ? tag(bytes, position) : "end of file";
        if (!expected.equals(found)) {
            throw new IllegalArgumentException("not a WAV file: expected '" + expected + "' at byte " + position
                    + ", found '" + found + "'");
        }
    }

    private static String tag(ByteBuffer bytes, int position) {
        byte[] id = new byte[4];
        bytes.get(position, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    /**
     * A parsed WAV file.
     *
     * @param audio its format and the audio read
     * @param declaredDataBytes the size its {@code data} chunk header declares, unsigned; larger than the payload
     *        when the file holds less than it promises
     */
    record WavFile(WavAudio audio, long declaredDataBytes) {

        /**
         * The smallest size taken as a placeholder rather than a promise: writers that cannot go back to fill in
         * the size (ffmpeg writing to a pipe leaves 0xFFFFFFFF) leave a value near or above 2^31, and a file that
         * large could not be held in one array here anyway.
         */
        static final long PLACEHOLDER_SIZE = 0x7FFF_F000L;

        /** Whether the header promises more audio than the file holds (a placeholder size promises nothing). */
        boolean cutShort() {
            return declaredDataBytes > audio.payload().length && declaredDataBytes < PLACEHOLDER_SIZE;
        }
    }

    /** What the fmt chunk says. */
    private record Format(int sampleRateHz, int channels, SampleEncoding encoding) {
    }
}
