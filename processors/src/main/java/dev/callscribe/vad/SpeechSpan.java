package dev.callscribe.vad;

/**
 * A stretch of one channel judged to be speech, as sample positions at the channel's source rate, padding included.
 *
 * @param startSample first sample of the span; zero or more
 * @param endSample the sample after the span's last; greater than {@code startSample}
 */
public record SpeechSpan(long startSample, long endSample) {

    /** Checks that the span is non-empty and not before the stream's start. */
    public SpeechSpan {
        if (startSample < 0 || endSample <= startSample) {
            throw new IllegalArgumentException("a speech span needs 0 <= startSample < endSample; got ["
                    + startSample + ", " + endSample + ")");
        }
    }

    /** Samples in the span. */
    public long lengthSamples() {
        return endSample - startSample;
    }

    /** Samples this span shares with {@code [from, to)}; zero when they do not meet. */
    public long overlapSamples(long from, long to) {
        return Math.max(0, Math.min(endSample, to) - Math.max(startSample, from));
    }
}
