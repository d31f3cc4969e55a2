package dev.callscribe.codec;

import java.util.function.IntUnaryOperator;

/**
 * ITU-T G.711 expansion to linear PCM. Both laws decode through 256-entry tables built once, to the same 16-bit
 * linear values that sox and ffmpeg produce (mu-law peaks at +/-32124, A-law at +/-32256), scaled by 1/32768.
 */
final class G711 {

    private static final float PCM16_SCALE = 1.0f / 32768.0f;
    private static final int MULAW_BIAS = 0x84;
    private static final int ALAW_TOGGLE = 0x55;
    private static final float[] MULAW_TABLE = table(G711::muLawToLinear);
    private static final float[] ALAW_TABLE = table(G711::aLawToLinear);

    private G711() {
    }

    /** The sample value in [-1, 1) of one mu-law byte. */
    static float muLaw(byte code) {
        return MULAW_TABLE[code & 0xFF];
    }

    /** The sample value in [-1, 1) of one A-law byte. */
    static float aLaw(byte code) {
        return ALAW_TABLE[code & 0xFF];
    }

    /** G.711 mu-law code to the 16-bit linear value (the reference algorithm of the recommendation's Annex). */
    static int muLawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0x0F) << 3) + MULAW_BIAS) << ((inverted & 0x70) >> 4);
        return (inverted & 0x80) != 0 ? MULAW_BIAS - magnitude : magnitude - MULAW_BIAS;
    }

    /** G.711 A-law code to the 16-bit linear value. */
    static int aLawToLinear(int code) {
        int toggled = (code & 0xFF) ^ ALAW_TOGGLE;
        int mantissa = (toggled & 0x0F) << 4;
        int segment = (toggled & 0x70) >> 4;
        int magnitude;
        if (segment == 0) {
            magnitude = mantissa + 8;
        } else {
            magnitude = (mantissa + 0x108) << (segment - 1);
        }
        return (toggled & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static float[] table(IntUnaryOperator toLinear) {
        float[] values = new float[256];
        for (int code = 0; code < values.length; code++) {
            values[code] = toLinear.applyAsInt(code) * PCM16_SCALE;
        }
        return values;
    }
}
