package dev.callscribe.connect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A task context whose offsets live in a map, as Connect's offset store would hold them once committed: tests
 * store offsets up front (a restarted task) or commit the records a task returned.
 */
final class FakeSourceTaskContext implements SourceTaskContext, OffsetStorageReader {

    private final Map<String, String> configs;
    private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

    FakeSourceTaskContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    /** Stores an offset as if a previous run had committed it. */
    void store(Map<String, ?> partition, Map<String, Object> offset) {
        offsets.put(Map.copyOf(partition), Map.copyOf(offset));
    }

    /** Stores the offset a record carries, as committing it would. */
    void commit(SourceRecord record) {
        store(record.sourcePartition(), new HashMap<>(record.sourceOffset()));
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the recordings source has no plugin metrics");
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
        partitions.forEach(partition -> found.put(partition, offsets.get(partition)));
        return found;
    }
}
