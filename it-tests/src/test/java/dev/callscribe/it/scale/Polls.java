package dev.callscribe.it.scale;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Conditions for {@link dev.callscribe.testkit.Await} that are costly to check (an HTTP scrape of a process's
 * metrics, a read of a whole topic): {@code Await} checks every 20 ms, which on a two-core machine would take CPU
 * from the processes under test, so these are checked at most every {@link #INTERVAL}.
 */
public final class Polls {

    /** Short against what is waited for (rebalances, transcripts): seconds. */
    public static final Duration INTERVAL = Duration.ofMillis(250);

    private Polls() {
    }

    /** {@code condition}, evaluated at most once per {@link #INTERVAL}; false between evaluations. */
    public static BooleanSupplier throttled(BooleanSupplier condition) {
        long[] nextCheck = {System.nanoTime()};
        return () -> {
            long now = System.nanoTime();
            if (now - nextCheck[0] < 0) {
                return false;
            }
            nextCheck[0] = now + INTERVAL.toNanos();
            return condition.getAsBoolean();
        };
    }
}
