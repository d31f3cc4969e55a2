package dev.callscribe.connect.postgres;

import dev.callscribe.avro.Transcript;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import dev.callscribe.schemas.serde.ConfluentWireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sink records as Connect's ByteArrayConverter hands them to the task: values are the bytes on
 * {@code calls.transcripts}, Transcripts in the Confluent wire format, registered in an in-memory registry scope of
 * their own ({@link #registryUrl()}), dropped by {@link #close()}.
 */
final class TranscriptRecords implements AutoCloseable {

    static final String TOPIC = Topics.TRANSCRIPTS.name();
    /** A schema id no registry scope of these tests has handed out. */
    static final int UNKNOWN_SCHEMA_ID = 999_999;

    private final String scope = "postgres-sink-" + UUID.randomUUID();
    private final Serde<Transcript> serde = Topics.TRANSCRIPTS.valueSerde(Map.of("schema.registry.url", registryUrl()));
    private long nextOffset;

    /** The {@code schema.registry.url} the task must be given to read these records. */
    String registryUrl() {
        return MockSchemaRegistry.MOCK_URL_PREFIX + scope;
    }

    /** A record holding a transcript, keyed by its call id, at the next offset of partition 0. */
    SinkRecord of(Transcript transcript) {
        return raw(transcript.getCallId(), serde.serializer().serialize(TOPIC, transcript));
    }

    /** A record holding bytes that are not in the wire format at all. */
    SinkRecord garbage() {
        return raw("call-garbage", "not avro".getBytes(StandardCharsets.UTF_8));
    }

    /** A record in the wire format whose schema id the registry does not know. */
    SinkRecord unknownSchemaId() {
        return raw("call-unknown", ConfluentWireFormat.header(UNKNOWN_SCHEMA_ID));
    }

    /** A record with a given value, whatever its type: bytes, null (a tombstone), or what a wrong converter makes. */
    SinkRecord raw(String key, Object value) {
        return new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, key, null, value, nextOffset++);
    }

    @Override
    public void close() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
