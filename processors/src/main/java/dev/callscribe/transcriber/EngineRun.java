package dev.callscribe.transcriber;

import java.time.Duration;
import java.time.Instant;

/**
 * One engine call: when it ran and for how many windows.
 *
 * @param startedAt when the call began (a window's queue wait ends here)
 * @param finishedAt when its results were back
 * @param batchSize windows decoded together
 * @param prepareMs time spent decoding and resampling the batch's payloads before the call
 */
record EngineRun(Instant startedAt, Instant finishedAt, int batchSize, double prepareMs) {

    /** Wall time of the call. */
    Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Milliseconds from {@code emittedAt} to the start of the call; never negative, against clock skew. */
    long queueWaitMs(Instant emittedAt) {
        return Math.max(0, Duration.between(emittedAt, startedAt).toMillis());
    }
}
