package dev.callscribe.transcriber;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.schemas.Topic;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serializes the transcriber's output for its two topics, keyed by call id. Values are serialized here, before the
 * transaction begins, so a serialization failure (a registry outage, say) never leaves a transaction half sent.
 *
 * <p>A dead letter carries the rejected record's bytes, so the dead letter of a record close to the size limit
 * could itself be too large to produce, and would then fail every retry of its batch and stop the worker. Such a
 * dead letter leaves the value out and says where the original is (its topic, partition and offset are kept).
 * Owns its serdes; {@link #close()} releases them. Thread-safe once built.
 */
final class OutputRecords implements AutoCloseable {

    private final String transcriptsTopic;
    private final String deadLetterTopic;
    private final Serde<WindowTranscript> transcripts;
    private final Serde<DeadLetter> deadLetters;
    private final int maxValueBytes;

    /**
     * @param maxValueBytes largest serialized dead letter produced with its original value; above it the value is
     *     left out
     */
    OutputRecords(Topic<WindowTranscript> transcriptsTopic, Topic<DeadLetter> deadLetterTopic,
                  Map<String, ?> serdeConfig, int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
        this.transcriptsTopic = transcriptsTopic.name();
        this.deadLetterTopic = deadLetterTopic.name();
        this.transcripts = transcriptsTopic.valueSerde(serdeConfig);
        this.deadLetters = deadLetterTopic.valueSerde(serdeConfig);
    }

    ProducerRecord<String, byte[]> transcript(WindowTranscript transcript) {
        return new ProducerRecord<>(transcriptsTopic, transcript.getCallId(),
                transcripts.serializer().serialize(transcriptsTopic, transcript));
    }

    ProducerRecord<String, byte[]> deadLetter(DeadLetter deadLetter) {
        byte[] value = deadLetters.serializer().serialize(deadLetterTopic, deadLetter);
        if (value.length > maxValueBytes && deadLetter.getValue() != null) {
            DeadLetter slim = DeadLetter.newBuilder(deadLetter)
                    .setValue(null)
                    .setMessage(deadLetter.getMessage() + " (the original value, " + deadLetter.getValue().remaining()
                            + " bytes, is left out: with it this dead letter would be " + value.length + " bytes, "
                            + "over " + maxValueBytes + "; read it from " + deadLetter.getSourceTopic() + " partition "
                            + deadLetter.getSourcePartition() + " offset " + deadLetter.getSourceOffset() + ")")
                    .build();
            value = deadLetters.serializer().serialize(deadLetterTopic, slim);
        }
        return new ProducerRecord<>(deadLetterTopic, deadLetter.getCallId(), value);
    }

    @Override
    public void close() {
        transcripts.close();
        deadLetters.close();
    }
}
