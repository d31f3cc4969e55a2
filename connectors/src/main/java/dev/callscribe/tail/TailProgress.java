package dev.callscribe.tail;

/**
 * How far a {@link TranscriptFollower} has got; a snapshot, immutable.
 *
 * @param events records handed to the listener (after the call-id filter)
 * @param finishedCalls calls whose combined FINAL transcript was handed over, and, when metrics are followed, their
 *     CALL metric too
 * @param skipped records left out because they could not be read (undecodable bytes, unknown schema id) or had no
 *     value
 */
public record TailProgress(long events, long finishedCalls, long skipped) {

    /** Nothing read yet. */
    public static final TailProgress NONE = new TailProgress(0, 0, 0);

    /** A copy counting one more event, and one more finished call when {@code finishesCall}. */
    TailProgress withEvent(boolean finishesCall) {
        return new TailProgress(events + 1, finishedCalls + (finishesCall ? 1 : 0), skipped);
    }

    /** A copy counting one more skipped record. */
    TailProgress withSkipped() {
        return new TailProgress(events, finishedCalls, skipped + 1);
    }
}
