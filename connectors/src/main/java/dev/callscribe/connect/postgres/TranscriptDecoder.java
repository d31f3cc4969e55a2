package dev.callscribe.connect.postgres;

import dev.callscribe.avro.Transcript;
import dev.callscribe.schemas.registry.RegistryUnavailableException;
import dev.callscribe.schemas.serde.AvroDeserializer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads a sink record's value, the bytes Connect's ByteArrayConverter passes through unchanged, as a
 * {@link Transcript} in Confluent's Avro wire format. Confluent's AvroConverter, which would hand the task a Struct,
 * is not on Maven Central; the project's own deserializer reads the bytes instead, resolving any compatible writer
 * schema to this build's Transcript. Owns its deserializer and the registry client inside it.
 */
final class TranscriptDecoder implements AutoCloseable {

    private final AvroDeserializer<Transcript> deserializer = AvroDeserializer.specific(Transcript.class);

    /**
     * @param deserializerConfig the serde's settings, {@code schema.registry.url} at least
     */
    TranscriptDecoder(Map<String, ?> deserializerConfig) {
        deserializer.configure(deserializerConfig, false);
    }

    /**
     * The transcript a record holds, or null for a tombstone (a record without a value).
     *
     * @throws DataException if the bytes are not a Transcript in the wire format, or name a schema id the registry
     *     does not know: the record is poison, retrying will not help
     * @throws RetriableException if the registry cannot be reached: the batch may succeed later
     * @throws ConnectException if the value is not bytes, so the connector is misconfigured for every record
     */
    Transcript decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            return null;
        }
        if (!(value instanceof byte[] bytes)) {
            throw new ConnectException("Record value of type " + value.getClass().getName() + " from topic "
                    + record.topic() + ": set value.converter="
                    + "org.apache.kafka.connect.converters.ByteArrayConverter, so the sink receives the Avro bytes");
        }
        try {
            return deserializer.deserialize(record.topic(), bytes);
        } catch (SerializationException e) {
            if (e.getCause() instanceof RegistryUnavailableException) {
                throw new RetriableException("Schema Registry unavailable while reading " + where(record), e);
            }
            throw new DataException(where(record) + " is not a Transcript in the Confluent Avro wire format: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deserializer.close();
    }

    /** Topic, partition and offset of a record, for messages. */
    static String where(SinkRecord record) {
        return "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
