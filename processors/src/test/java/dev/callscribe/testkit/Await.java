package dev.callscribe.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking it every few milliseconds; never a bare sleep. */
public final class Await {

    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(20).toNanos();

    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @param what the condition in words, for the failure message
     * @throws AssertionError if it does not hold within {@code timeout}
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }
}
