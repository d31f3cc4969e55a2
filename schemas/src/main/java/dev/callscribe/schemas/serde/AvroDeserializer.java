package dev.callscribe.schemas.serde;

import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format: the writer schema is fetched by the id in the header (once per id) and
 * resolved against a reader schema, so a consumer with a newer schema reads records written with an older one.
 *
 * <p>The reader schema is, by construction: a generated class's ({@link #specific}); a given schema
 * ({@link #generic(Schema)}); or, for instances Kafka creates by class name, the class named by the writer schema when
 * {@code specific.avro.reader=true}, else the writer schema itself (GenericRecords).
 *
 * <p>Null (a tombstone) reads as null. Malformed bytes, an unknown schema id or an unreachable registry throw
 * {@link SerializationException} with the registry failure as its cause, so callers can tell poison input from an
 * outage. A record of another schema than the reader's (registered in the registry, so its bytes decode) throws
 * one naming both schemas. Thread-safe once configured.
 *
 * @param <T> the record type
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private final boolean ownsRegistry;
    private final Class<?> specificType;
    private final Schema readerSchema;
    private boolean specificReader;
    private final ConcurrentMap<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

    /** For Kafka, which creates deserializers by class name and then calls {@link #configure}. */
    public AvroDeserializer() {
        this(null, null, null);
    }

    /** With a registry client shared with other serdes. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this(registry, null, null);
    }

    private AvroDeserializer(SchemaRegistryClient registry, Class<?> specificType, Schema readerSchema) {
        this.registry = registry;
        this.ownsRegistry = registry == null;
        this.specificType = specificType;
        this.readerSchema = readerSchema;
    }

    /** Reads instances of a generated class, whatever the writer's schema version. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(Class<T> type) {
        return new AvroDeserializer<>(null, type, null);
    }

    /** Reads instances of a generated class, with a registry client shared with other serdes. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(Class<T> type,
                                                                          SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, type, null);
    }

    /** Reads GenericRecords of a given reader schema, whatever the writer's schema version. */
    public static AvroDeserializer<GenericRecord> generic(Schema readerSchema) {
        return new AvroDeserializer<>(null, null, readerSchema);
    }

    /** Reads GenericRecords of a given reader schema, with a registry client shared with other serdes. */
    public static AvroDeserializer<GenericRecord> generic(Schema readerSchema, SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, null, readerSchema);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroClassTrust.install();
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
        this.specificReader = config.specificAvroReader();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int schemaId = ConfluentWireFormat.schemaId(data);
        DatumReader<T> reader = readerFor(topic, schemaId);
        try {
            return AvroDatumCodec.unframe(data, reader);
        } catch (RuntimeException e) {
            throw new SerializationException(readFailure(topic, schemaId, reader, e), e);
        }
    }

    /** Why a record did not read: a record of another schema, a version the reader cannot read, or bad bytes. */
    private static String readFailure(String topic, int schemaId, DatumReader<?> reader, RuntimeException e) {
        String record = "Record from topic '" + topic + "' ";
        if (reader instanceof GenericDatumReader<?> resolving && e instanceof AvroTypeException) {
            Schema writer = resolving.getSchema();
            Schema expected = resolving.getExpected();
            if (!writer.getFullName().equals(expected.getFullName())) {
                return record + "is of schema " + writer.getFullName() + " (id " + schemaId + "), not "
                        + expected.getFullName() + ": " + e.getMessage();
            }
            return record + "is of a version of " + writer.getFullName() + " (id " + schemaId + ") that this "
                    + "reader's version cannot read: " + e.getMessage();
        }
        return record + "does not decode with its writer schema (id " + schemaId + "): " + e;
    }

    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }

    private DatumReader<T> readerFor(String topic, int schemaId) {
        DatumReader<T> cached = readersBySchemaId.get(schemaId);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.getSchemaById(schemaId);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot read a record from topic '" + topic + "' written with schema id "
                    + schemaId + ": " + e.getMessage(), e);
        }
        DatumReader<T> reader = newReader(writer);
        readersBySchemaId.put(schemaId, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(Schema writer) {
        Class<?> type = specificType != null ? specificType : specificClassFor(writer);
        if (type != null) {
            SpecificData model = SpecificData.getForClass(type);
            return new SpecificDatumReader<>(writer, model.getSchema(type), model);
        }
        return new GenericDatumReader<>(writer, readerSchema != null ? readerSchema : writer, GenericData.get());
    }

    /** With {@code specific.avro.reader}, the generated class the writer schema names; null for generic reading. */
    private Class<?> specificClassFor(Schema writer) {
        if (!specificReader || readerSchema != null) {
            return null;
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG + " is true but there is no "
                    + "generated class " + writer.getFullName() + " on the class path");
        }
        return type;
    }
}
