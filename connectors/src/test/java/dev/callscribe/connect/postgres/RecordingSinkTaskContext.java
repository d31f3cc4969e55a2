package dev.callscribe.connect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * What a Connect worker gives a sink task, reduced to what the tests look at: the timeouts the task asks for before
 * a redelivery, and the records it reports as errant (when built with a reporter, as a worker does for connectors
 * with a dead letter queue).
 */
final class RecordingSinkTaskContext implements SinkTaskContext {

    /** A record reported as errant, and the reason given. */
    record Reported(SinkRecord record, Throwable error) {
    }

    private final boolean withReporter;
    private final List<Reported> reported = new ArrayList<>();
    private final List<Long> timeoutsMs = new ArrayList<>();

    private RecordingSinkTaskContext(boolean withReporter) {
        this.withReporter = withReporter;
    }

    /** A worker configured with {@code errors.tolerance=all} and a dead letter queue. */
    static RecordingSinkTaskContext withErrantRecordReporter() {
        return new RecordingSinkTaskContext(true);
    }

    /** A worker with Connect's default error handling: no reporter. */
    static RecordingSinkTaskContext withoutErrantRecordReporter() {
        return new RecordingSinkTaskContext(false);
    }

    List<Reported> reported() {
        return reported;
    }

    List<Long> timeoutsMs() {
        return timeoutsMs;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return withReporter ? this::report : null;
    }

    private Future<Void> report(SinkRecord record, Throwable error) {
        reported.add(new Reported(record, error));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void timeout(long timeoutMs) {
        timeoutsMs.add(timeoutMs);
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new UnsupportedOperationException("the sink never rewinds");
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        throw new UnsupportedOperationException("the sink never rewinds");
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the sink never pauses");
    }

    @Override
    public void resume(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the sink never pauses");
    }

    @Override
    public void requestCommit() {
        throw new UnsupportedOperationException("the sink never requests commits");
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the sink has no metrics of its own");
    }
}
