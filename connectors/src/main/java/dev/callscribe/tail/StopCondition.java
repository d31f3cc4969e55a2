package dev.callscribe.tail;

/**
 * When a {@link TranscriptFollower} stops on its own; checked after every record it reads. Without one it follows
 * until {@link TranscriptFollower#stop()}.
 */
@FunctionalInterface
public interface StopCondition {

    /** Whether to stop now, given what has been read so far. */
    boolean reached(TailProgress progress);

    /** Never: follow until stopped from outside. */
    static StopCondition never() {
        return progress -> false;
    }

    /**
     * After {@code calls} calls are finished (see {@link TailProgress#finishedCalls()}).
     *
     * @throws IllegalArgumentException if {@code calls} is below 1
     */
    static StopCondition afterCalls(long calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("the number of calls to wait for must be at least 1, was " + calls);
        }
        return progress -> progress.finishedCalls() >= calls;
    }
}
