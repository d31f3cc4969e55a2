package dev.callscribe.schemas.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed registry request is retried: exponential backoff from {@code initialWaitMs},
 * capped at {@code maxWaitMs}, with jitter so that many clients do not retry in step.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialWaitMs wait before the first retry
 * @param maxWaitMs upper bound of any wait
 */
public record RetryPolicy(int maxRetries, int initialWaitMs, int maxWaitMs) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
        if (initialWaitMs < 0 || maxWaitMs < 0) {
            throw new IllegalArgumentException("waits must not be negative, got " + initialWaitMs + " and "
                    + maxWaitMs);
        }
    }

    /** The wait before retry number {@code retry} (0 for the first), between half and all of the backoff. */
    public Duration waitBefore(int retry) {
        long backoff = Math.min(maxWaitMs, (long) initialWaitMs << Math.min(retry, 20));
        long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
