package dev.callscribe.transcriber;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link DeadLetter} of a rejected record: where it came from, why, and its bytes as consumed; and logs
 * it, rate-limited per reason (one log for the process's transcriber: its letters are few and all on the topic).
 */
final class DeadLetters {

    private static final DeadLetterLog LOG = new DeadLetterLog(LoggerFactory.getLogger(Transcriber.class));

    private DeadLetters() {
    }

    /** The dead letter of a record that could not be read or checked. */
    static DeadLetter of(RejectedRecord rejected, Instant now) {
        DeadLetter letter = dev.callscribe.pipeline.DeadLetters.of(source(rejected.source(), rejected.callId(), now),
                Transcriber.ROLE, rejected.reason(), rejected.message(), rejected.exceptionClass());
        LOG.rejected(letter, null);
        return letter;
    }

    /** The dead letter of a window the engine failed on, in its batch and alone. */
    static DeadLetter inferenceFailed(InferenceOutcome.Failed failed, Instant now) {
        AcceptedWindow window = failed.window();
        String message = "The engine failed on window " + window.window().getWindowIndex() + " of channel "
                + window.window().getChannel() + " in its batch and again alone: " + failed.error();
        DeadLetter letter = dev.callscribe.pipeline.DeadLetters.of(source(window.source(),
                window.window().getCallId(), now), Transcriber.ROLE, DeadLetterReason.INFERENCE_FAILED, message,
                failed.error().getClass().getName());
        LOG.rejected(letter, null); // InferenceRunner logged the failure with its stack trace
        return letter;
    }

    private static RecordSource source(ConsumerRecord<byte[], byte[]> record, String callId, Instant now) {
        return new RecordSource(record.topic(), record.partition(), record.offset(), callId, record.key(),
                record.value(), now.toEpochMilli());
    }
}
