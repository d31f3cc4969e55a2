package dev.callscribe.stitcher;

import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.TranscriptKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The stitcher's Prometheus meters. */
final class StitcherMeters {

    private final MeterRegistry registry;
    private final Timer endToEnd;
    private final Counter duplicates;
    private final Counter lateWindows;
    private final Counter gapsSkipped;

    StitcherMeters(MeterRegistry registry) {
        this.registry = registry;
        this.endToEnd = Timer.builder("callscribe.end.to.end.latency")
                .description("From the capture of a window's newest audio to the transcript that contains it")
                .publishPercentileHistogram()
                .register(registry);
        this.duplicates = Counter.builder("callscribe.stitcher.duplicate.windows")
                .description("Window transcripts received twice and ignored").register(registry);
        this.lateWindows = Counter.builder("callscribe.stitcher.late.windows")
                .description("Window transcripts for calls already final, ignored").register(registry);
        this.gapsSkipped = Counter.builder("callscribe.stitcher.gaps.skipped")
                .description("Missing windows the stitcher stopped waiting for").register(registry);
    }

    void transcript(TranscriptKind kind) {
        registry.counter("callscribe.transcripts.emitted", "kind", kind.name()).increment();
    }

    /** Records a window's latency; an unknown one (negative: no capture time) is not recorded. */
    void endToEnd(long millis) {
        if (millis >= 0) {
            endToEnd.record(Duration.ofMillis(millis));
        }
    }

    void duplicate() {
        duplicates.increment();
    }

    void late() {
        lateWindows.increment();
    }

    void gapSkipped() {
        gapsSkipped.increment();
    }

    void deadLetter(DeadLetterReason reason) {
        registry.counter("callscribe.dead.letters", "stage", Stitcher.ROLE, "reason", reason.name()).increment();
    }
}
