package dev.callscribe.schemas.serde;

import dev.callscribe.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro classes in Confluent's wire format: an {@link AvroSerializer} and an
 * {@link AvroDeserializer} configured alike. Use one per topic and type, passed explicitly
 * ({@code Consumed.with}, {@code Produced.with}, {@code Materialized.with}).
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final boolean readsByWriterClass;

    /** Reads into whatever generated class the writer schema names, like Confluent's serde of this name. */
    public SpecificAvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
        this.readsByWriterClass = true;
    }

    /** Reads into {@code type}, resolving older and newer writer schemas to it. */
    public SpecificAvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>();
        this.deserializer = AvroDeserializer.specific(type);
        this.readsByWriterClass = false;
    }

    /** Reads into {@code type}, with a registry client shared with other serdes. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        this.serializer = new AvroSerializer<>(registry);
        this.deserializer = AvroDeserializer.specific(type, registry);
        this.readsByWriterClass = false;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> effective = new HashMap<>(configs);
        if (readsByWriterClass) {
            effective.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        }
        serializer.configure(effective, isKey);
        deserializer.configure(effective, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
