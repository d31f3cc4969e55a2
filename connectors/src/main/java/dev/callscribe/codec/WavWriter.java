package dev.callscribe.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes 16-bit PCM WAV files, the format the pipeline's tools and tests exchange (mono 16 kHz by default). Samples
 * are scaled by 32768, rounded to the nearest integer and clipped to the 16-bit range, so PCM16 values read by
 * {@link WavReader} round-trip exactly. Stateless and thread-safe.
 */
public final class WavWriter {

    /** Whisper's sample rate, the default for written files. */
    public static final int DEFAULT_SAMPLE_RATE_HZ = 16_000;

    private static final int HEADER_BYTES = 44;
    private static final int FMT_BYTES = 16;
    private static final int TAG_PCM = 1;
    private static final int BITS = 16;

    private WavWriter() {
    }

    /** Writes {@code samples} as a 16 kHz mono PCM16 WAV file, replacing any existing file. */
    public static void writeMono16k(Path file, float[] samples) throws IOException {
        Files.write(file, encodeMonoPcm16(samples, DEFAULT_SAMPLE_RATE_HZ));
    }

    /**
     * The bytes of a mono PCM16 WAV file holding {@code samples}.
     *
     * @param samples nominally in [-1, 1]; values outside are clipped
     * @param sampleRateHz the rate written to the header, positive
     */
    public static byte[] encodeMonoPcm16(float[] samples, int sampleRateHz) {
        return encodePcm16(new float[][] {samples}, sampleRateHz);
    }

    /**
     * The bytes of a PCM16 WAV file holding one channel per array, interleaved frame by frame (channel 0 first).
     *
     * @param channels at least one, all of the same length; samples nominally in [-1, 1], values outside clipped
     * @param sampleRateHz the rate written to the header, positive
     */
    public static byte[] encodePcm16(float[][] channels, int sampleRateHz) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz + " Hz");
        }
        int frames = channels[0].length;
        for (float[] channel : channels) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("channels of " + frames + " and " + channel.length
                        + " samples; every channel needs the same length");
            }
        }
        int frameBytes = channels.length * Short.BYTES;
        int dataBytes = frames * frameBytes;
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(HEADER_BYTES - 8 + dataBytes);
        out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(FMT_BYTES);
        out.putShort((short) TAG_PCM).putShort((short) channels.length).putInt(sampleRateHz)
                .putInt(sampleRateHz * frameBytes);
        out.putShort((short) frameBytes).putShort((short) BITS);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int frame = 0; frame < frames; frame++) {
            for (float[] channel : channels) {
                out.putShort(toPcm16(channel[frame]));
            }
        }
        return out.array();
    }

    /** One sample as a clipped, rounded 16-bit value; NaN becomes 0. */
    static short toPcm16(float sample) {
        long scaled = Math.round(sample * 32768.0);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
    }
}
