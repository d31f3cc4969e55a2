package dev.callscribe.transcriber;

import dev.callscribe.avro.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transcriber's meters. Batch size, queue wait and inference time are recorded when the engine runs; windows,
 * audio seconds and dead letters when their transaction commits, so aborted and retried work is not counted twice.
 * Thread-safe (Micrometer's meters are).
 */
final class TranscriberMetrics {

    static final String BATCH_SIZE = "callscribe.transcriber.batch.size";
    static final String QUEUE_WAIT = "callscribe.transcriber.queue.wait";
    static final String INFERENCE = "callscribe.transcriber.inference";
    static final String WINDOWS = "callscribe.transcriber.windows.transcribed";
    static final String AUDIO = "callscribe.transcriber.audio.transcribed";
    static final String DEAD_LETTERS = "callscribe.dead.letters";
    static final String TRANSACTIONS = "callscribe.transcriber.transactions";
    static final String ASSIGNED = "callscribe.transcriber.assigned.partitions";

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer queueWait;
    private final Timer inference;
    private final Counter windows;
    private final Counter audioSeconds;
    private final Counter committed;
    private final Counter aborted;
    private final AtomicInteger assigned = new AtomicInteger();

    /**
     * @param registry where the meters are registered; workers sharing it share their counters and timers
     * @param instance this worker's instance id, which tells the assigned-partitions gauges of workers apart
     */
    TranscriberMetrics(MeterRegistry registry, String instance) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder(BATCH_SIZE).description("Windows decoded together per engine "
                + "call").baseUnit("windows").publishPercentileHistogram().register(registry);
        this.queueWait = Timer.builder(QUEUE_WAIT).description("From the segmenter emitting a window to its batch "
                + "starting").publishPercentileHistogram().register(registry);
        this.inference = Timer.builder(INFERENCE).description("Wall time of one engine call (features, encoder, "
                + "decoder)").publishPercentileHistogram().register(registry);
        this.windows = Counter.builder(WINDOWS).description("Window transcripts committed, empty ones for windows "
                + "without audio included").register(registry);
        this.audioSeconds = Counter.builder(AUDIO).description("Seconds of audio transcribed and committed")
                .baseUnit("seconds").register(registry);
        this.committed = Counter.builder(TRANSACTIONS).tag("outcome", "committed")
                .description("Transactions of the transcriber by outcome").register(registry);
        this.aborted = Counter.builder(TRANSACTIONS).tag("outcome", "aborted")
                .description("Transactions of the transcriber by outcome").register(registry);
        registry.gauge(ASSIGNED, Tags.of("instance", instance), assigned);
    }

    void engineCall(int windowsInBatch, Duration elapsed) {
        batchSize.record(windowsInBatch);
        inference.record(elapsed);
    }

    void queueWait(long millis) {
        queueWait.record(Duration.ofMillis(millis));
    }

    void committed(CommitStats stats) {
        committed.increment();
        windows.increment(stats.transcripts());
        audioSeconds.increment(stats.audioSeconds());
        stats.deadLetters().forEach(this::deadLetter);
    }

    void aborted() {
        aborted.increment();
    }

    void assignedPartitions(int count) {
        assigned.set(count);
    }

    private void deadLetter(DeadLetterReason reason) {
        registry.counter(DEAD_LETTERS, "stage", Transcriber.ROLE, "reason", reason.name()).increment();
    }
}
