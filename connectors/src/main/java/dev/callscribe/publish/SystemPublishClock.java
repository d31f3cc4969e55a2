package dev.callscribe.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time read once and advanced by {@link System#nanoTime()}: a step of the system clock (NTP, a manual
 * change) during a long realtime run neither bunches nor stalls chunks. Thread-safe.
 */
final class SystemPublishClock implements PublishClock {

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();

    @Override
    public Instant now() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public void sleepUntil(Instant moment) throws InterruptedException {
        long leftNanos = Duration.between(now(), moment).toNanos();
        // sleep may return a little early on some platforms; loop until the moment has truly passed.
        while (leftNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(leftNanos);
            leftNanos = Duration.between(now(), moment).toNanos();
        }
    }
}
