package dev.callscribe.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/** Waiting for a condition in tests: polled, bounded by a named timeout, failing with what was awaited. */
public final class Conditions {

    /** How long a test waits for a process to start or stop before failing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Conditions() {
    }

    /** Returns once {@code condition} holds; fails after {@link #TIMEOUT}. */
    public static void await(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("timed out after " + TIMEOUT + " waiting until " + description);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
