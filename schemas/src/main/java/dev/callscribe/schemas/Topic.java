package dev.callscribe.schemas;

import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.serde.SpecificAvroSerde;
import dev.callscribe.schemas.serde.SubjectNameStrategies;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic with its types: keys are call ids (plain UTF-8 strings), values are one Avro record type in Confluent's
 * wire format, registered under {@code <topic>-value} (TopicNameStrategy).
 *
 * @param name the topic name
 * @param valueType the generated class of the values
 * @param <V> the value type
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    /** The same topic under another name, for deployments that rename topics. */
    public Topic<V> withName(String newName) {
        return new Topic<>(newName, valueType);
    }

    /** The registry subject of the value schema. */
    public String valueSubject() {
        return SubjectNameStrategies.TOPIC_NAME.subjectName(name, false, valueSchema());
    }

    /** The value schema this build writes. */
    public Schema valueSchema() {
        return SpecificData.getForClass(valueType).getSchema(valueType);
    }

    /** The key serde: call ids as UTF-8 strings. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** A configured value serde; {@code serdeConfig} needs at least {@code schema.registry.url}. */
    public Serde<V> valueSerde(Map<String, ?> serdeConfig) {
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(valueType);
        serde.configure(serdeConfig, false);
        return serde;
    }

    /** A configured value serde sharing a registry client with others. */
    public Serde<V> valueSerde(Map<String, ?> serdeConfig, SchemaRegistryClient registry) {
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(valueType, registry);
        serde.configure(serdeConfig, false);
        return serde;
    }
}
