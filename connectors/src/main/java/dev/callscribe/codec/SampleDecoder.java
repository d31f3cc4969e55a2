package dev.callscribe.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes interleaved sample payloads into one float array per channel, with samples in [-1, 1].
 *
 * <p>A payload is a sequence of frames; a frame holds one sample of each channel in channel order. Bad input (a
 * partial frame, a channel count below one, a NaN or infinite float sample) is rejected with an
 * {@link IllegalArgumentException} naming the value and what was expected, so a caller can dead-letter the record.
 * Float samples outside [-1, 1] are passed through unclipped, as Whisper does. Stateless and thread-safe.
 */
public final class SampleDecoder {

    private static final float PCM16_SCALE = 1.0f / 32768.0f;

    private SampleDecoder() {
    }

    /**
     * Decodes a whole payload.
     *
     * @param payload interleaved samples; not modified, not retained
     * @param encoding how each sample is stored
     * @param channels samples per frame, at least 1
     * @return {@code channels} arrays of {@code frameCount} samples each, newly allocated
     * @throws IllegalArgumentException on a partial frame, a channel count below 1, or a non-finite float sample
     */
    public static float[][] decode(byte[] payload, SampleEncoding encoding, int channels) {
        return decode(payload, 0, payload.length, encoding, channels);
    }

    /**
     * Decodes {@code length} bytes of {@code payload} starting at {@code offset}.
     *
     * @see #decode(byte[], SampleEncoding, int)
     */
    public static float[][] decode(byte[] payload, int offset, int length, SampleEncoding encoding, int channels) {
        int frames = frameCount(length, encoding, channels);
        if (offset < 0 || offset > payload.length - length) {
            throw new IllegalArgumentException("payload range [" + offset + ", " + offset + " + " + length
                    + ") does not lie within the " + payload.length + " bytes given");
        }
        ByteBuffer bytes = ByteBuffer.wrap(payload, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        float[][] samples = new float[channels][frames];
        switch (encoding) {
            case PCM_S16LE -> decodePcm16(bytes, samples);
            case MULAW -> decodeG711(bytes, samples, true);
            case ALAW -> decodeG711(bytes, samples, false);
            case FLOAT32LE -> decodeFloat32(bytes, samples);
            default -> throw new IllegalArgumentException("unsupported sample encoding " + encoding);
        }
        return samples;
    }

    /**
     * The number of whole frames in {@code byteLength} bytes.
     *
     * @throws IllegalArgumentException if {@code channels < 1} or the bytes do not make a whole number of frames
     */
    public static int frameCount(int byteLength, SampleEncoding encoding, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, got " + channels);
        }
        int frameBytes = encoding.bytesPerSample() * channels;
        if (byteLength < 0 || byteLength % frameBytes != 0) {
            throw new IllegalArgumentException("payload of " + byteLength + " bytes is not a whole number of frames: "
                    + encoding + " with " + channels + " channel(s) needs a multiple of " + frameBytes + " bytes");
        }
        return byteLength / frameBytes;
    }

    private static void decodePcm16(ByteBuffer bytes, float[][] samples) {
        int channels = samples.length;
        int position = 0;
        for (int frame = 0; frame < samples[0].length; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                samples[channel][frame] = bytes.getShort(position) * PCM16_SCALE;
                position += Short.BYTES;
            }
        }
    }

    private static void decodeG711(ByteBuffer bytes, float[][] samples, boolean muLaw) {
        int channels = samples.length;
        int position = 0;
        for (int frame = 0; frame < samples[0].length; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                byte code = bytes.get(position++);
                samples[channel][frame] = muLaw ? G711.muLaw(code) : G711.aLaw(code);
            }
        }
    }

    private static void decodeFloat32(ByteBuffer bytes, float[][] samples) {
        int channels = samples.length;
        int position = 0;
        for (int frame = 0; frame < samples[0].length; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                float value = bytes.getFloat(position);
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("float sample at frame " + frame + " of channel " + channel
                            + " is " + value + "; expected a finite value, nominally in [-1, 1]");
                }
                samples[channel][frame] = value;
                position += Float.BYTES;
            }
        }
    }
}
