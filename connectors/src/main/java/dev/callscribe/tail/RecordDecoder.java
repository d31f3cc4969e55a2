package dev.callscribe.tail;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.schemas.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns raw records of the followed topics into events with the project's Avro serdes. The follower's consumer reads
 * bytes and decodes here, rather than configuring Avro deserializers on the consumer, so one bad record is skipped
 * with a reason instead of failing every poll at the same offset. Owns its deserializers; close it once.
 */
final class RecordDecoder implements AutoCloseable {

    private final TailOptions.FollowedTopics topics;
    private final Deserializer<Transcript> transcripts;
    private final Deserializer<LatencyMetric> metrics;
    private final Deserializer<DeadLetter> deadLetters;

    /** @param serdeConfig {@code schema.registry.url} and any other serde keys */
    RecordDecoder(Map<String, ?> serdeConfig, TailOptions options) {
        this.topics = options.topics();
        this.transcripts = Topics.TRANSCRIPTS.valueSerde(serdeConfig).deserializer();
        this.metrics = Topics.METRICS.valueSerde(serdeConfig).deserializer();
        this.deadLetters = Topics.DEAD_LETTER.valueSerde(serdeConfig).deserializer();
    }

    /**
     * The record as an event; empty for a record without a value (a tombstone, which this contract never writes).
     *
     * @throws SerializationException if the bytes are not a record of the topic's type
     */
    Optional<TailEvent> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (record.topic().equals(topics.transcripts())) {
            return Optional.ofNullable(transcripts.deserialize(record.topic(), record.value()))
                    .map(TailEvent.OfTranscript::new);
        }
        if (record.topic().equals(topics.deadLetters())) {
            return Optional.ofNullable(deadLetters.deserialize(record.topic(), record.value()))
                    .map(TailEvent.OfDeadLetter::new);
        }
        return Optional.ofNullable(metrics.deserialize(record.topic(), record.value())).map(TailEvent.OfMetric::new);
    }

    @Override
    public void close() {
        transcripts.close();
        metrics.close();
        deadLetters.close();
    }
}
