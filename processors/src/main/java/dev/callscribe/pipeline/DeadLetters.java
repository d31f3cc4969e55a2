package dev.callscribe.pipeline;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead-letter record of a rejected input: where it came from, why, and its original bytes. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A dead letter for a record read from Kafka.
     *
     * @param source where the record was read: topic, partition, offset
     * @param stage the role rejecting it
     * @param reason the reason code
     * @param message the reason in words: what was wrong, the value, what was expected
     * @param failure the exception behind it, or null
     */
    public static DeadLetter of(RecordSource source, String stage, DeadLetterReason reason, String message,
                                Throwable failure) {
        return of(source, stage, reason, message, failure == null ? null : failure.getClass().getName());
    }

    /** As {@link #of(RecordSource, String, DeadLetterReason, String, Throwable)}, naming the exception's class. */
    public static DeadLetter of(RecordSource source, String stage, DeadLetterReason reason, String message,
                                String exceptionClass) {
        return DeadLetter.newBuilder()
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setStage(stage)
                .setReason(reason)
                .setMessage(message == null ? reason.name() : message)
                .setCallId(source.callId())
                .setKey(wrap(source.key()))
                .setValue(wrap(source.value()))
                .setExceptionClass(exceptionClass)
                .setFailedAt(Instant.ofEpochMilli(source.nowMs()))
                .build();
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    /**
     * Where a rejected record came from.
     *
     * @param topic source topic
     * @param partition source partition, -1 if unknown
     * @param offset source offset, -1 if unknown
     * @param callId the call, when known
     * @param key the original key bytes, or null
     * @param value the original value bytes, or null
     * @param nowMs when it was rejected
     */
    public record RecordSource(String topic, int partition, long offset, String callId, byte[] key, byte[] value,
                               long nowMs) {
    }
}
