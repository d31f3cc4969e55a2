package dev.callscribe.vad;

/**
 * Converts stream time between milliseconds and samples at one sample rate.
 *
 * <p>Stream time is the position in a channel's audio: sample {@code n} is {@code n * 1000 / sampleRateHz} ms after
 * the channel's first sample, whatever the wall clock did while the audio arrived. Durations given in milliseconds
 * (frame lengths, hangovers, budgets) are turned into whole samples once, rounded to the nearest sample (halves up),
 * so every decision afterwards is exact integer arithmetic on sample positions.
 *
 * @param sampleRateHz samples per second of the channel; positive
 */
public record SampleClock(int sampleRateHz) {

    private static final long MILLIS_PER_SECOND = 1000L;

    /** Checks the rate. */
    public SampleClock {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sampleRateHz must be positive; got " + sampleRateHz);
        }
    }

    /**
     * The number of samples in {@code millis} milliseconds, rounded to the nearest sample (halves up).
     *
     * @param millis zero or more milliseconds
     */
    public long samples(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative; got " + millis);
        }
        return Math.floorDiv(Math.multiplyExact(millis, (long) sampleRateHz) + MILLIS_PER_SECOND / 2,
                MILLIS_PER_SECOND);
    }

    /** {@link #samples(long)} as an int, for lengths that index arrays (frames). */
    public int samplesAsInt(long millis) {
        return Math.toIntExact(samples(millis));
    }

    /** The stream time of a sample position, in milliseconds (not rounded). */
    public double millis(long samples) {
        return samples * (double) MILLIS_PER_SECOND / sampleRateHz;
    }
}
