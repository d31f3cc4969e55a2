package dev.callscribe.connect;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Makes the task's Connect records. Values are Avro in the Confluent wire format, serialized here with callscribe's
 * serde (Confluent's AvroConverter is not on Maven Central), so they travel through Connect as bytes: the connector
 * needs {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter} and
 * {@code key.converter=org.apache.kafka.connect.storage.StringConverter}. Keys are call ids.
 *
 * <p>Owns one Schema Registry client, shared by the two serializers and closed by {@link #close}.
 */
final class SourceRecords implements AutoCloseable {

    /** Not a Kafka partition or offset: DeadLetter's convention for input that did not come from Kafka. */
    private static final int NO_KAFKA_POSITION = -1;

    private final String audioTopic;
    private final String deadLetterTopic;
    private final String stage;
    private final Clock clock;
    private final SchemaRegistryClient registry;
    private final Serializer<AudioChunk> chunks;
    private final Serializer<DeadLetter> deadLetters;

    /**
     * @param stage       who rejects files, for dead letters: the connector's name
     * @param serdeConfig the serializers' configuration, {@code schema.registry.url} at least
     */
    SourceRecords(String audioTopic, String deadLetterTopic, String stage, Map<String, ?> serdeConfig, Clock clock) {
        this.audioTopic = audioTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.stage = stage;
        this.clock = clock;
        this.registry = SchemaRegistryClients.create(serdeConfig);
        this.chunks = Topics.AUDIO.withName(audioTopic).valueSerde(serdeConfig, registry).serializer();
        this.deadLetters = Topics.DEAD_LETTER.withName(deadLetterTopic).valueSerde(serdeConfig, registry).serializer();
    }

    /** One chunk of a recording, carrying the file's progress once it is sent. */
    SourceRecord chunk(Path file, AudioChunk chunk, FileOffset after) {
        byte[] value = chunks.serialize(audioTopic, chunk);
        return record(file, after, audioTopic, chunk.getCallId(), value);
    }

    /** The dead letter of a rejected file, carrying its offset as done. */
    SourceRecord rejection(Path file, String callId, FileOffset done, RecordingRejectedException rejection) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(audioTopic)
                .setSourcePartition(NO_KAFKA_POSITION).setSourceOffset(NO_KAFKA_POSITION)
                .setStage(stage)
                .setReason(rejection.reason())
                .setMessage(rejection.getMessage())
                .setCallId(callId)
                .setExceptionClass(rejection.causeClass())
                .setFailedAt(clock.instant())
                .build();
        return record(file, done, deadLetterTopic, callId, deadLetters.serialize(deadLetterTopic, letter));
    }

    private static SourceRecord record(Path file, FileOffset offset, String topic, String callId, byte[] value) {
        // No timestamp: the producer stamps the time of sending. The recording's own time would be in the past,
        // and a backfill of old recordings would then fall outside the topic's retention at once.
        return new SourceRecord(FileOffset.partition(file), offset.toMap(), topic, null,
                Schema.STRING_SCHEMA, callId, Schema.BYTES_SCHEMA, value);
    }

    @Override
    public void close() {
        chunks.close();
        deadLetters.close();
        registry.close();
    }
}
