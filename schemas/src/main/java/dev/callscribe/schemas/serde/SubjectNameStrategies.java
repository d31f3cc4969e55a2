package dev.callscribe.schemas.serde;

import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;

/**
 * The subject name strategies of Confluent's serdes. A configuration may name them as Confluent does (its class
 * names, for example {@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), by their simple names, or
 * name a custom {@link SubjectNameStrategy} class.
 */
public enum SubjectNameStrategies implements SubjectNameStrategy {

    /** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic. The default. */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one lineage per record type, shared by every topic carrying it. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<record full name>}: several record types per topic, each with its own lineage. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String simpleName;

    SubjectNameStrategies(String simpleName) {
        this.simpleName = simpleName;
    }

    /** The simple class name Confluent uses for this strategy, which configurations may use too. */
    public String simpleName() {
        return simpleName;
    }

    /**
     * The strategy a configuration value names: a built-in by simple or Confluent class name, else a custom class.
     *
     * @throws ConfigException if the value names neither
     */
    public static SubjectNameStrategy fromConfig(String key, String value) {
        String trimmed = value.trim();
        for (SubjectNameStrategies builtIn : values()) {
            if (trimmed.equals(builtIn.simpleName) || trimmed.equals(CONFLUENT_PACKAGE + builtIn.simpleName)) {
                return builtIn;
            }
        }
        return customStrategy(key, trimmed);
    }

    private static SubjectNameStrategy customStrategy(String key, String className) {
        try {
            return Utils.newInstance(className, SubjectNameStrategy.class);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new ConfigException(key, className, "expected one of " + Arrays.stream(values())
                    .map(SubjectNameStrategies::simpleName).toList() + " (or Confluent's class name for one), or a "
                    + "class implementing " + SubjectNameStrategy.class.getName());
        }
    }
}
