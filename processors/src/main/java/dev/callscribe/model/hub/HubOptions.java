package dev.callscribe.model.hub;

import java.time.Duration;
import java.util.Objects;

/**
 * Network behaviour of downloads.
 *
 * @param connectTimeout time to open a connection
 * @param requestTimeout time to receive the headers of a response (metadata calls and the start of a download)
 * @param stallTimeout   time a download may go without receiving a byte before its connection is dropped and the
 *                       download resumed on a new one
 * @param maxAttempts    attempts per request, the first included, for failures worth retrying (connection errors,
 *                       timeouts, HTTP 429 and 5xx); other failures are not retried
 * @param retryBackoff   pause after the first failed attempt; the n-th pause is n times this
 */
public record HubOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration stallTimeout,
    int maxAttempts,
    Duration retryBackoff) {

    /** Checks every duration is positive (the backoff may be zero) and there is at least one attempt. */
    public HubOptions {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("stallTimeout", stallTimeout);
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, got " + retryBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** 10 s to connect, 30 s for headers, 60 s without data, 5 attempts, pauses of 2, 4, 6, 8 s. */
    public static HubOptions defaults() {
        return new HubOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 5,
            Duration.ofSeconds(2));
    }

    /** Returns a copy with another stall timeout. */
    public HubOptions withStallTimeout(Duration timeout) {
        return new HubOptions(connectTimeout, requestTimeout, timeout, maxAttempts, retryBackoff);
    }

    /** Returns a copy with another number of attempts and pause. */
    public HubOptions withRetries(int attempts, Duration backoff) {
        return new HubOptions(connectTimeout, requestTimeout, stallTimeout, attempts, backoff);
    }
}
