package dev.callscribe.codec;

/**
 * The audio of one WAV file: its format and its raw sample payload (interleaved frames, as stored in the file).
 *
 * <p>The payload array is shared, not copied: treat it as read-only. Records compare arrays by identity, so two
 * {@code WavAudio} values are equal only when they hold the same array.
 *
 * @param sampleRateHz frames per second
 * @param channels samples per frame, at least 1
 * @param encoding how each sample is stored
 * @param payload the {@code data} chunk, a whole number of frames
 */
public record WavAudio(int sampleRateHz, int channels, SampleEncoding encoding, byte[] payload) {

    /** Checks that the payload is a whole number of frames of a positive channel count at a positive rate. */
    public WavAudio {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz + " Hz");
        }
        if (encoding == null || payload == null) {
            throw new IllegalArgumentException("encoding and payload are required");
        }
        SampleDecoder.frameCount(payload.length, encoding, channels);
    }

    /** The number of frames (samples per channel). */
    public int frameCount() {
        return SampleDecoder.frameCount(payload.length, encoding, channels);
    }

    /** The duration in seconds. */
    public double durationSeconds() {
        return frameCount() / (double) sampleRateHz;
    }

    /**
     * Decodes the payload into one array per channel, samples in [-1, 1].
     *
     * @throws IllegalArgumentException if a float sample is NaN or infinite
     */
    public float[][] decodeChannels() {
        return SampleDecoder.decode(payload, encoding, channels);
    }
}
