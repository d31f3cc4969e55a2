package dev.callscribe.connect;

import java.time.Duration;

/**
 * When each chunk of a file is due under {@code replay.speed}. At speed 0 every chunk is due at once. At a positive
 * speed a chunk is due when its last frame would have been captured had the recording been a live call played
 * {@code speed} times faster than real time, counted from the moment the file was opened (or resumed: the clock
 * starts at the chunk the file resumes from, so a restart does not burst the chunks it "owes").
 */
final class Pacer {

    private final double speed;
    private final long startNanos;
    private final long startPositionNanos;

    /**
     * @param speed    0 for unpaced, else the speed-up over real time
     * @param position where in the recording publishing starts (the start of the first chunk to publish)
     * @param nowNanos {@link System#nanoTime()} now
     */
    Pacer(double speed, Duration position, long nowNanos) {
        this.speed = speed;
        this.startNanos = nowNanos;
        this.startPositionNanos = position.toNanos();
    }

    /** How long until a chunk ending at {@code chunkEnd} in the recording is due; 0 if it is due now. */
    long nanosUntilDue(Duration chunkEnd, long nowNanos) {
        if (speed == 0) {
            return 0;
        }
        long dueNanos = startNanos + (long) ((chunkEnd.toNanos() - startPositionNanos) / speed);
        return Math.max(0, dueNanos - nowNanos);
    }
}
