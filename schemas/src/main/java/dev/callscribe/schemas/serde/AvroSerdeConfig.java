package dev.callscribe.schemas.serde;

import dev.callscribe.schemas.registry.RegistryClientConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the Avro serializer and deserializer: the registry client's keys plus the serde's own. Names and
 * defaults are those of Confluent's KafkaAvroSerializer and KafkaAvroDeserializer.
 */
public final class AvroSerdeConfig extends RegistryClientConfig {

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    private static final String AUTO_REGISTER_SCHEMAS_DOC = "Whether the serializer registers the schema of each "
            + "record it writes under the record's subject. Production setups often register schemas ahead of time "
            + "and set this to false.";
    public static final boolean DEFAULT_AUTO_REGISTER_SCHEMAS = true;

    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
    private static final String USE_LATEST_VERSION_DOC = "Whether the serializer writes with the latest schema "
            + "registered under the subject (fetched once per subject) rather than the record's own; records are "
            + "converted to it by Avro schema resolution. Requires auto.register.schemas=false.";
    public static final boolean DEFAULT_USE_LATEST_VERSION = false;

    public static final String LATEST_COMPATIBILITY_STRICT_CONFIG = "latest.compatibility.strict";
    private static final String LATEST_COMPATIBILITY_STRICT_DOC = "With use.latest.version, whether to refuse records "
            + "whose schema the latest version cannot read (a backward compatibility check).";
    public static final boolean DEFAULT_LATEST_COMPATIBILITY_STRICT = true;

    public static final String KEY_SUBJECT_NAME_STRATEGY_CONFIG = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY_CONFIG = "value.subject.name.strategy";
    private static final String SUBJECT_NAME_STRATEGY_DOC = "How the %s schema's subject is named: "
            + "TopicNameStrategy (<topic>-%s), RecordNameStrategy (the record's full name) or "
            + "TopicRecordNameStrategy (<topic>-<record full name>); Confluent's class names for these are accepted "
            + "too, as is the class name of a custom " + SubjectNameStrategy.class.getName() + ".";
    public static final String DEFAULT_SUBJECT_NAME_STRATEGY = SubjectNameStrategies.TOPIC_NAME.simpleName();

    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    private static final String SPECIFIC_AVRO_READER_DOC = "Whether the deserializer returns instances of the "
            + "generated class named by the writer schema (its own schema used as the reader schema) rather than "
            + "GenericRecords.";
    public static final boolean DEFAULT_SPECIFIC_AVRO_READER = false;

    /** Every key: the registry client's and the serde's. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(RegistryClientConfig.CONFIG_DEF)
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, DEFAULT_AUTO_REGISTER_SCHEMAS, Importance.MEDIUM,
                    AUTO_REGISTER_SCHEMAS_DOC)
            .define(USE_LATEST_VERSION_CONFIG, Type.BOOLEAN, DEFAULT_USE_LATEST_VERSION, Importance.LOW,
                    USE_LATEST_VERSION_DOC)
            .define(LATEST_COMPATIBILITY_STRICT_CONFIG, Type.BOOLEAN, DEFAULT_LATEST_COMPATIBILITY_STRICT,
                    Importance.LOW, LATEST_COMPATIBILITY_STRICT_DOC)
            .define(KEY_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, DEFAULT_SUBJECT_NAME_STRATEGY, Importance.LOW,
                    String.format(SUBJECT_NAME_STRATEGY_DOC, "key", "key"))
            .define(VALUE_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, DEFAULT_SUBJECT_NAME_STRATEGY, Importance.LOW,
                    String.format(SUBJECT_NAME_STRATEGY_DOC, "value", "value"))
            .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, DEFAULT_SPECIFIC_AVRO_READER, Importance.LOW,
                    SPECIFIC_AVRO_READER_DOC);

    public AvroSerdeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        verifyCombinations();
    }

    /** The subject name strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY_CONFIG : VALUE_SUBJECT_NAME_STRATEGY_CONFIG;
        return SubjectNameStrategies.fromConfig(key, getString(key));
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION_CONFIG);
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT_CONFIG);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    private void verifyCombinations() {
        if (useLatestVersion() && autoRegisterSchemas()) {
            throw new ConfigException("Cannot set " + USE_LATEST_VERSION_CONFIG + "=true while "
                    + AUTO_REGISTER_SCHEMAS_CONFIG + " is true: writing with the latest registered version means "
                    + "schemas are registered ahead of time, so set " + AUTO_REGISTER_SCHEMAS_CONFIG + "=false.");
        }
    }
}
