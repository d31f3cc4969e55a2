package dev.callscribe.longform;

import java.util.List;

/**
 * Where one window's timestamp tokens fall on the absolute timeline, and which of them the strides disqualify,
 * computed as the pipeline's {@code _decode_asr} does with strides converted to seconds.
 *
 * @param startSeconds the window's start on the absolute timeline
 * @param firstUsable timestamp ids below this lie inside the left stride (the pipeline's {@code first_timestamp},
 *                    a fractional id: {@code left stride / seconds per step + timestamp_begin})
 * @param firstNonClosing timestamp ids at or above this never close a segment (the pipeline's
 *                        {@code last_timestamp}); {@link Integer#MAX_VALUE} when the window has no right stride
 * @param secondsPerTimestamp seconds per timestamp step
 * @param timestampBegin id of {@code <|0.00|>}
 */
record WindowTiming(double startSeconds, double firstUsable, int firstNonClosing, double secondsPerTimestamp,
                    int timestampBegin) {

    private static final double MILLIS_PER_SECOND = 1000.0;

    /** The timing of one window's tokens. */
    static WindowTiming of(WindowTokens tokens, TokenVocabulary vocabulary, int sampleRate) {
        AudioWindow window = tokens.window();
        double firstUsable = vocabulary.timestampBegin();
        if (window.leftStrideSamples() > 0) {
            double leftSeconds = window.leftStrideSamples() / (double) sampleRate;
            firstUsable = leftSeconds / vocabulary.secondsPerTimestamp() + vocabulary.timestampBegin();
        }
        int firstNonClosing = Integer.MAX_VALUE;
        if (window.rightStrideSamples() > 0) {
            double rightStrideStart = window.lengthSamples() / (double) sampleRate
                    - window.rightStrideSamples() / (double) sampleRate;
            firstNonClosing = firstNonClosing(tokens.tokenIds(), vocabulary, rightStrideStart);
        }
        return new WindowTiming(window.startSample() / (double) sampleRate, firstUsable, firstNonClosing,
                vocabulary.secondsPerTimestamp(), vocabulary.timestampBegin());
    }

    /**
     * The window's last timestamp is never trusted to close (the audio after it is cut), nor are the timestamps
     * just before it that still lie inside the right stride: walking back from the end, the earliest of that run.
     */
    private static int firstNonClosing(List<Integer> tokenIds, TokenVocabulary vocabulary, double strideStart) {
        int found = Integer.MAX_VALUE;
        for (int i = tokenIds.size() - 1; i >= 0; i--) {
            int token = tokenIds.get(i);
            if (!vocabulary.isTimestamp(token)) {
                continue;
            }
            boolean beforeStride = vocabulary.steps(token) * vocabulary.secondsPerTimestamp() < strideStart;
            if (found != Integer.MAX_VALUE && beforeStride) {
                break;
            }
            found = token;
        }
        return found;
    }

    /** Whether the timestamp lies in the right stride's run at the window's end. */
    boolean neverCloses(int timestampId) {
        return timestampId >= firstNonClosing;
    }

    /** Whether the timestamp lies inside the left stride. */
    boolean insideLeftStride(int timestampId) {
        return timestampId < firstUsable;
    }

    /** The timestamp's time on the absolute timeline, in whole milliseconds. */
    long timeMs(int timestampId) {
        double seconds = (timestampId - timestampBegin) * secondsPerTimestamp + startSeconds;
        return Math.round(seconds * MILLIS_PER_SECOND);
    }
}
