package dev.callscribe.codec;

/**
 * How one audio sample is stored in a byte payload. This is the codec's own list; the wire contract's enum in
 * {@code dev.callscribe.avro} is mapped onto it at the boundary, so signal code does not depend on Avro.
 */
public enum SampleEncoding {

    /** Signed 16-bit little-endian PCM; decoded as {@code value / 32768}, as Whisper's loader does. */
    PCM_S16LE(2),

    /** ITU-T G.711 mu-law, 8 bits; decoded to the 16-bit linear value, then scaled like PCM16. */
    MULAW(1),

    /** ITU-T G.711 A-law, 8 bits; decoded to the 16-bit linear value, then scaled like PCM16. */
    ALAW(1),

    /** IEEE 754 32-bit float, little-endian, nominally in [-1, 1]; NaN and infinities are rejected. */
    FLOAT32LE(4);

    private final int bytesPerSample;

    SampleEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    /** Bytes that one sample of one channel occupies. */
    public int bytesPerSample() {
        return bytesPerSample;
    }
}
