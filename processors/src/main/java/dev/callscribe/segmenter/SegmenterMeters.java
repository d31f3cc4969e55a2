package dev.callscribe.segmenter;

import dev.callscribe.avro.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The segmenter's Prometheus meters: audio in, audio sent, silence skipped, windows, calls, dead letters. */
final class SegmenterMeters {

    private final MeterRegistry registry;
    private final Counter audioIn;
    private final Counter audioWindowed;
    private final Counter silenceSkipped;
    private final Counter windows;
    private final AtomicLong activeCalls = new AtomicLong();

    SegmenterMeters(MeterRegistry registry) {
        this.registry = registry;
        this.audioIn = Counter.builder("callscribe.audio.in.seconds").baseUnit("seconds")
                .description("Channel-seconds of call audio received").register(registry);
        this.audioWindowed = Counter.builder("callscribe.audio.windowed.seconds").baseUnit("seconds")
                .description("Channel-seconds of audio sent to transcription in windows").register(registry);
        this.silenceSkipped = Counter.builder("callscribe.audio.silence.skipped.seconds").baseUnit("seconds")
                .description("Channel-seconds of silence never sent to the model").register(registry);
        this.windows = Counter.builder("callscribe.segmenter.windows")
                .description("Windows emitted, empty markers included").register(registry);
        registry.gauge("callscribe.segmenter.active.calls", activeCalls);
    }

    void audioIn(long millis) {
        audioIn.increment(millis / 1000.0);
    }

    void window(long windowedMillis, long skippedMillis) {
        windows.increment();
        audioWindowed.increment(windowedMillis / 1000.0);
        silenceSkipped.increment(skippedMillis / 1000.0);
    }

    void callStarted() {
        activeCalls.incrementAndGet();
    }

    void callEnded() {
        activeCalls.updateAndGet(calls -> Math.max(0, calls - 1));
    }

    void deadLetter(DeadLetterReason reason) {
        registry.counter("callscribe.dead.letters", "stage", Segmenter.ROLE, "reason", reason.name()).increment();
    }
}
