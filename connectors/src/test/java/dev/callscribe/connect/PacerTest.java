package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long START = 1_000_000_000L;

    @Test
    void shouldMakeEveryChunkDueAtOnceAtSpeedZero() {
        Pacer pacer = new Pacer(0, Duration.ZERO, START);

        assertThat(pacer.nanosUntilDue(Duration.ofHours(1), START)).isZero();
    }

    @Test
    void shouldMakeAChunkDueWhenItsLastFrameWouldHaveBeenCaptured() {
        Pacer realTime = new Pacer(1.0, Duration.ZERO, START);
        Pacer tenTimes = new Pacer(10.0, Duration.ZERO, START);

        assertThat(realTime.nanosUntilDue(Duration.ofSeconds(1), START)).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(realTime.nanosUntilDue(Duration.ofSeconds(1), START + Duration.ofSeconds(2).toNanos())).isZero();
        assertThat(tenTimes.nanosUntilDue(Duration.ofSeconds(1), START)).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void shouldStartTheClockWhereAResumedFileStarts() {
        // Resumed at 30 s: the chunk ending at 31 s is one second away, not due at once as a "late" chunk.
        Pacer resumed = new Pacer(1.0, Duration.ofSeconds(30), START);

        assertThat(resumed.nanosUntilDue(Duration.ofSeconds(31), START)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }
}
