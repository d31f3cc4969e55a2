package dev.callscribe.connect.postgres;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Kafka Connect sink that writes callscribe transcripts from {@code calls.transcripts} into a PostgreSQL table a
 * person can query: one row per call and channel plus the combined call transcript, FINAL transcripts only unless
 * {@code include.interim=true}, upserted idempotently (see {@link TranscriptTable} for the table and
 * {@link PostgresTranscriptSinkTask} for delivery and failures).
 *
 * <p>Values must reach the task as the bytes on the topic ({@code value.converter=
 * org.apache.kafka.connect.converters.ByteArrayConverter}); the task reads them with the project's Avro
 * deserializer and the Schema Registry named by {@code schema.registry.url}. Every task gets the same
 * configuration; Connect spreads the topic's partitions over them.
 */
public final class PostgresTranscriptSinkConnector extends SinkConnector {

    /** The version of the plugin, from its jar's manifest; "unknown" when run from classes (tests). */
    static final String VERSION = Objects.requireNonNullElse(
            PostgresTranscriptSinkConnector.class.getPackage().getImplementationVersion(), "unknown");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new PostgresSinkConfig(props); // fails the connector at once, naming the key, if the configuration is bad
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostgresTranscriptSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        // Nothing to release: the tasks own the connections.
    }

    @Override
    public ConfigDef config() {
        return PostgresSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
