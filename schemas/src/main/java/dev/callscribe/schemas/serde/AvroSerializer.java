package dev.callscribe.schemas.serde;

import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import dev.callscribe.schemas.serde.WriterSchemaResolver.WriterSchema;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@link org.apache.avro.generic.GenericRecord}s) in
 * Confluent's wire format, byte for byte as Confluent's KafkaAvroSerializer does, so any Confluent-compatible
 * deserializer reads them. Configured with {@link AvroSerdeConfig}'s keys ({@code schema.registry.url},
 * {@code auto.register.schemas}, {@code use.latest.version}, the subject name strategies, auth and TLS).
 *
 * <p>Null is written as null (a tombstone). Thread-safe once configured, as Kafka producers require. Closing it
 * closes the registry client it created, not one that was passed in.
 *
 * @param <T> the record type
 */
public class AvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private final boolean ownsRegistry;
    private SubjectNameStrategy subjectNames;
    private WriterSchemaResolver writerSchemas;
    private boolean isKey;

    /** For Kafka, which creates serializers by class name and then calls {@link #configure}. */
    public AvroSerializer() {
        this.ownsRegistry = true;
    }

    /** With a registry client shared with other serdes; {@link #configure} still reads the other keys. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
        this.ownsRegistry = false;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroClassTrust.install();
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
        this.isKey = isKey;
        this.subjectNames = config.subjectNameStrategy(isKey);
        this.writerSchemas = new WriterSchemaResolver(registry, config);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (writerSchemas == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema recordSchema = schemaOf(data);
        String subject = subjectNames.subjectName(topic, isKey, recordSchema);
        try {
            WriterSchema writer = writerSchemas.resolve(subject, recordSchema);
            GenericData model = modelFor(data);
            Object datum = writer.schema().equals(recordSchema)
                    ? data
                    : AvroDatumCodec.resolve(data, recordSchema, model, writer.schema());
            return AvroDatumCodec.frame(writer.id(), writer.schema(), model, datum);
        } catch (SerializationException e) {
            throw e;
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize a " + recordSchema.getFullName() + " for topic '"
                    + topic + "' under subject '" + subject + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Avro reports a record that does not fit its schema (a null in a required field, say) this way.
            throw new SerializationException("Cannot serialize a " + recordSchema.getFullName() + " for topic '"
                    + topic + "': " + e, e);
        }
    }

    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }

    private static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        throw new SerializationException("AvroSerializer writes Avro records (SpecificRecord or GenericRecord), "
                + "got a " + data.getClass().getName());
    }

    /** Generated classes carry their own model, with the conversions of their logical types. */
    private static GenericData modelFor(Object data) {
        return data instanceof SpecificRecord ? SpecificData.getForClass(data.getClass()) : GenericData.get();
    }
}
