package dev.callscribe.transcriber;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes test audio the way producers put it in AudioWindow payloads. */
final class Payloads {

    private static final int MULAW_BIAS = 0x84;
    private static final int MULAW_CLIP = 32_635;

    private Payloads() {
    }

    /** Signed 16-bit little-endian PCM, clipped to [-1, 1). */
    static byte[] pcm16(float[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            bytes.putShort(toPcm16(sample));
        }
        return bytes.array();
    }

    /** 32-bit float little-endian, as given (NaN included). */
    static byte[] float32(float[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            bytes.putFloat(sample);
        }
        return bytes.array();
    }

    /** G.711 mu-law, the telephone encoding (the standard segment encoder with bias 0x84). */
    static byte[] muLaw(float[] samples) {
        byte[] codes = new byte[samples.length];
        for (int n = 0; n < samples.length; n++) {
            codes[n] = muLawCode(toPcm16(samples[n]));
        }
        return codes;
    }

    /**
     * Every other sample: 16 kHz to 8 kHz. Exact, without a filter, for the fixture's pure tones below 4 kHz (a sine
     * sampled at 8 kHz is the same sine), which is all these tests feed it.
     */
    static float[] everyOtherSample(float[] samples) {
        float[] half = new float[samples.length / 2];
        for (int n = 0; n < half.length; n++) {
            half[n] = samples[2 * n];
        }
        return half;
    }

    private static short toPcm16(float sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample * 32768.0)));
    }

    private static byte muLawCode(short pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs((int) pcm), MULAW_CLIP) + MULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
