package dev.callscribe.publish;

import java.time.Instant;

/**
 * The time as a publisher sees it: what time it is, and waiting until a moment. Tests replace it with a clock that
 * moves only when told, so pacing is checked exactly and without waiting.
 */
public interface PublishClock {

    /** The current time. */
    Instant now();

    /**
     * Returns once {@link #now()} has reached {@code moment}; at once if it already has.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepUntil(Instant moment) throws InterruptedException;

    /** The machine's clock: wall-clock time that moves with the monotonic timer, so pacing survives clock steps. */
    static PublishClock system() {
        return new SystemPublishClock();
    }
}
