package dev.callscribe.longform;

/**
 * Everything the merge remembers between windows of one stream: small, immutable, made only of numbers, a flag
 * and lists of ids, so a streaming stitcher can keep it in a state store per call and channel. Segments already
 * settled are not kept; they were handed out by {@link ChunkMerger#accept} and the state stays bounded by the
 * open segment.
 *
 * @param windowCount windows accepted so far; a stitcher can compare it with a window's index to drop a redelivery
 * @param audioEndMs end of the latest window, in ms on the absolute timeline; the open segment's provisional end
 * @param settledUntilMs end of the last settled segment (the first window's start before any); no later segment
 *                       starts before it
 * @param openSegmentStartMs start of the open segment, from its opening timestamp; null when no timestamp has
 *                           opened one (the pipeline's {@code chunk["timestamp"][0] is None})
 * @param skipNextTimestamp the pipeline's {@code skip}: a timestamp inside a right stride was met, so the next
 *                          timestamp (its pair) is ignored, even when it comes in the next window
 * @param pending text tokens of the open segment, merged so far (the pipeline's {@code previous_tokens})
 */
public record MergeState(int windowCount, long audioEndMs, long settledUntilMs, Long openSegmentStartMs,
                         boolean skipNextTimestamp, TokenFold pending) {

    private static final MergeState INITIAL = new MergeState(0, 0, 0, null, false, TokenFold.empty());

    /** Checks the counters and the timeline. */
    public MergeState {
        if (windowCount < 0 || audioEndMs < 0 || settledUntilMs < 0) {
            throw new IllegalArgumentException("windowCount, audioEndMs and settledUntilMs must not be negative;"
                    + " got " + windowCount + ", " + audioEndMs + ", " + settledUntilMs);
        }
        if (pending == null) {
            throw new IllegalArgumentException("pending must not be null; use TokenFold.empty()");
        }
    }

    /** The state before the first window. */
    public static MergeState initial() {
        return INITIAL;
    }

    /** Whether text is waiting for the segment to close. */
    public boolean hasPendingText() {
        return !pending.isEmpty();
    }
}
