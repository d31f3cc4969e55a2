package dev.callscribe.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, or when slept on (then it jumps to the moment); remembers every sleep. */
final class FakeClock implements PublishClock {

    private Instant now;
    private final List<Instant> sleeps = new ArrayList<>();

    FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant moment) {
        sleeps.add(moment);
        if (moment.isAfter(now)) {
            now = moment;
        }
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** The moments slept until, in order. */
    synchronized List<Instant> sleeps() {
        return List.copyOf(sleeps);
    }
}
