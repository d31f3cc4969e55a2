package dev.callscribe.pipeline;

import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration every role shares: where Kafka and the Schema Registry are, the topic names, and how topics are
 * created. Role configurations extend {@link #CONFIG_DEF} with keys of their own. Any other key given (for example
 * {@code security.protocol} or {@code sasl.jaas.config}) is passed on unchanged to the Kafka clients and serdes, as
 * Kafka Streams does with its own configuration.
 */
public class PipelineConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to (host:port, comma-separated).";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema Registry URL(s) for the Avro serdes (with "
            + "--embedded, the embedded registry's unless set); mock://<scope> names an in-memory registry inside "
            + "this process, for tests.";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    public static final String TOPIC_PREFIX = "topic.";
    private static final String TOPIC_DOC = "Name of the %s topic.";

    public static final String TOPICS_CREATE_CONFIG = "topics.create";
    private static final String TOPICS_CREATE_DOC = "Whether roles create missing topics at start (with the partitions "
            + "and replication below); existing topics are left as they are.";
    public static final boolean DEFAULT_TOPICS_CREATE = true;

    public static final String TOPICS_PARTITIONS_CONFIG = "topics.partitions";
    private static final String TOPICS_PARTITIONS_DOC = "Partitions of created topics, except calls.windows. Calls are "
            + "keyed by call id, so this bounds how many segmenter and stitcher instances share the work.";
    public static final int DEFAULT_TOPICS_PARTITIONS = 12;

    public static final String WINDOWS_PARTITIONS_CONFIG = "topics.windows.partitions";
    private static final String WINDOWS_PARTITIONS_DOC = "Partitions of a created calls.windows topic: at least the "
            + "number of transcriber processes (one per GPU), with headroom to add more.";
    public static final int DEFAULT_WINDOWS_PARTITIONS = 48;

    public static final String TOPICS_REPLICATION_FACTOR_CONFIG = "topics.replication.factor";
    private static final String TOPICS_REPLICATION_FACTOR_DOC = "Replication factor of created topics; -1 takes the "
            + "broker's default.replication.factor.";
    public static final short DEFAULT_TOPICS_REPLICATION_FACTOR = -1;

    public static final String SUBJECT_COMPATIBILITY_CONFIG = "topics.subject.compatibility";
    private static final String SUBJECT_COMPATIBILITY_DOC = "Compatibility level set on the value subject of every "
            + "topic when topics are created (topics.create, or callscribe topics create), after registering the "
            + "schema this build writes: FULL, the contract's rule, lets readers on an older or a newer schema read "
            + "records written with either, and stops a producer from registering an unrelated schema as the "
            + "subject's newest version. Empty leaves the registry's own level (Confluent's default is BACKWARD, "
            + "Apicurio's NONE).";
    public static final String DEFAULT_SUBJECT_COMPATIBILITY = CompatibilityLevel.FULL.name();

    /** Every shared key; role configurations extend it. */
    public static final ConfigDef CONFIG_DEF = configDef();

    public PipelineConfig(Map<?, ?> originals) {
        this(CONFIG_DEF, originals);
    }

    protected PipelineConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
    }

    /** The compatibility level to set on the topics' value subjects; empty to leave the registry's. */
    public Optional<CompatibilityLevel> subjectCompatibility() {
        String level = getString(SUBJECT_COMPATIBILITY_CONFIG).trim();
        return level.isEmpty() ? Optional.empty() : Optional.of(CompatibilityLevel.parse(level));
    }

    /** A topic under its configured name. */
    public <V extends SpecificRecord> Topic<V> topic(Topic<V> topic) {
        return topic.withName(getString(TOPIC_PREFIX + topic.name()));
    }

    /** The serde configuration: the registry keys and anything else the user gave, for the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>(originals());
        serde.put(SCHEMA_REGISTRY_URL_CONFIG, getString(SCHEMA_REGISTRY_URL_CONFIG));
        return serde;
    }

    /** The keys to pass to Kafka clients: everything given, with the bootstrap servers resolved. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> client = new HashMap<>(originals());
        client.put(BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS_CONFIG));
        return client;
    }

    /**
     * One map for a Kafka client and its serdes side by side, as the publish and tail tools take them: every key
     * given (security settings included) with the broker and registry addresses resolved, without the pipeline's
     * own keys (topic names, topic creation), which no client knows.
     */
    public Map<String, Object> clientAndSerdeConfig() {
        Map<String, Object> merged = new HashMap<>(clientConfig());
        merged.putAll(serdeConfig());
        CONFIG_DEF.names().stream()
                .filter(key -> !key.equals(BOOTSTRAP_SERVERS_CONFIG) && !key.equals(SCHEMA_REGISTRY_URL_CONFIG))
                .forEach(merged::remove);
        return merged;
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef()
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, DEFAULT_BOOTSTRAP_SERVERS, Importance.HIGH,
                        BOOTSTRAP_SERVERS_DOC)
                .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, DEFAULT_SCHEMA_REGISTRY_URL, Importance.HIGH,
                        SCHEMA_REGISTRY_URL_DOC)
                .define(TOPICS_CREATE_CONFIG, Type.BOOLEAN, DEFAULT_TOPICS_CREATE, Importance.MEDIUM,
                        TOPICS_CREATE_DOC)
                .define(TOPICS_PARTITIONS_CONFIG, Type.INT, DEFAULT_TOPICS_PARTITIONS, ConfigDef.Range.atLeast(1),
                        Importance.MEDIUM, TOPICS_PARTITIONS_DOC)
                .define(WINDOWS_PARTITIONS_CONFIG, Type.INT, DEFAULT_WINDOWS_PARTITIONS, ConfigDef.Range.atLeast(1),
                        Importance.MEDIUM, WINDOWS_PARTITIONS_DOC)
                .define(TOPICS_REPLICATION_FACTOR_CONFIG, Type.SHORT, DEFAULT_TOPICS_REPLICATION_FACTOR,
                        Importance.MEDIUM, TOPICS_REPLICATION_FACTOR_DOC)
                .define(SUBJECT_COMPATIBILITY_CONFIG, Type.STRING, DEFAULT_SUBJECT_COMPATIBILITY,
                        new CompatibilityValidator(), Importance.MEDIUM, SUBJECT_COMPATIBILITY_DOC);
        for (Topic<?> topic : Topics.ALL) {
            def.define(TOPIC_PREFIX + topic.name(), Type.STRING, topic.name(), Importance.LOW,
                    String.format(TOPIC_DOC, topic.name()));
        }
        return def;
    }

    /** A compatibility level as the registry spells it, in any case, or empty. */
    private static final class CompatibilityValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            String level = value == null ? "" : value.toString().trim();
            if (level.isEmpty()) {
                return;
            }
            try {
                CompatibilityLevel.parse(level);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return Arrays.toString(CompatibilityLevel.values()) + " (case insensitive), or empty";
        }
    }
}
