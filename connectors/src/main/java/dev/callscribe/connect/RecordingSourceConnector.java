package dev.callscribe.connect;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect source that watches a directory of call recordings (WAV, FLAC) and publishes each file as a call on
 * {@code calls.audio}: AudioChunks in the Confluent Avro wire format, keyed by call id (the file name without its
 * extension), seq from 0, the last chunk flagged. A file that cannot be published becomes one DeadLetter on
 * {@code calls.dead-letter} and the others carry on.
 *
 * <p>Progress is kept in Connect's offsets per file (see {@link FileOffset}): a restarted task resumes each file at
 * the next chunk. On a worker with {@code exactly.once.source.support=enabled} every poll's chunks and their offsets
 * commit in one transaction, so a restart neither re-publishes nor skips a chunk. On an at-least-once worker a
 * restart may send again the chunks since the last offset flush, with the same seq; the pipeline's segmenter drops
 * those as DUPLICATE_SEQ dead letters (LATE_CHUNK once the call has ended), so transcripts are not doubled.
 *
 * <p>Values are serialized by the connector itself, so the connector needs
 * {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter} and
 * {@code key.converter=org.apache.kafka.connect.storage.StringConverter}; it refuses to start with others named in
 * its configuration. Files are spread over {@code tasks.max} tasks by name ({@link FileAssignment}).
 */
public final class RecordingSourceConnector extends SourceConnector {

    /** This build's version (from the jar's manifest), reported to Connect by the connector and its tasks. */
    static final String VERSION = Optional.ofNullable(RecordingSourceConnector.class.getPackage())
            .map(Package::getImplementationVersion).orElse("0.0.0-dev");

    private static final Logger LOG = LoggerFactory.getLogger(RecordingSourceConnector.class);
    private static final Map<String, String> REQUIRED_CONVERTERS = Map.of(
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ConfigDef config() {
        return RecordingSourceConfig.CONFIG_DEF;
    }

    /**
     * Checks the configuration, so a mistake shows as a failed connector with a message rather than as failing
     * tasks.
     *
     * @throws ConfigException naming the key that is wrong
     */
    @Override
    public void start(Map<String, String> props) {
        RecordingSourceConfig config = new RecordingSourceConfig(props);
        if (!Files.isDirectory(config.directory())) {
            throw new ConfigException(RecordingSourceConfig.DIRECTORY_CONFIG, config.directory().toString(),
                    "not a directory this worker can see");
        }
        REQUIRED_CONVERTERS.forEach((key, expected) -> {
            String given = props.get(key);
            if (given != null && !given.equals(expected)) {
                throw new ConfigException(key, given, "the connector serializes its values itself (Avro, Confluent"
                        + " wire format) and keys are call ids, so " + key + " must be " + expected);
            }
        });
        this.props = Map.copyOf(props);
        LOG.info("Watching {} for recordings", config.directory());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RecordingSourceTask.class;
    }

    /** One configuration per task, each with its index among {@code maxTasks}: every task lists the directory. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int index = 0; index < maxTasks; index++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(RecordingSourceConfig.TASK_INDEX_CONFIG, Integer.toString(index));
            task.put(RecordingSourceConfig.TASK_COUNT_CONFIG, Integer.toString(maxTasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        String directory = props == null ? "(never started)" : props.get(RecordingSourceConfig.DIRECTORY_CONFIG);
        LOG.info("Stopped watching {}", directory);
    }

    /** Every poll's records and offsets can commit in one transaction: exactly once on workers that enable it. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Unsupported on purpose: the worker's poll boundary (one transaction per poll, at most batch.max.chunks) is
     * the right size. A transaction per file would hold a long recording in one open transaction, which
     * read_committed consumers cannot see until the whole file is in, and which would have to fit in the
     * producer's transaction timeout.
     */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Lets operators reset or edit offsets through Connect's REST API (KIP-875) after checking them: a partition
     * must name a file, an offset must be null (publish the file again from chunk 0) or a complete
     * {@link FileOffset}.
     *
     * @throws ConfigException saying which partition or offset is malformed and why
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach((partition, offset) -> {
            if (FileOffset.fileOf(partition).isEmpty()) {
                throw new ConfigException("source partition " + partition + " must be {\"" + FileOffset.FILE_FIELD
                        + "\": \"/absolute/path\"}");
            }
            if (offset != null) {
                try {
                    FileOffset.fromMap(offset);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("offset of " + partition + ": " + e.getMessage());
                }
            }
        });
        return true;
    }
}
