package dev.callscribe.transcriber;

import dev.callscribe.avro.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record the transcriber cannot transcribe, on its way to calls.dead-letter.
 *
 * @param source the record it came from
 * @param reason the reason code
 * @param message what was wrong, the value, and what was expected
 * @param callId the call, from the window if it decoded, else from the record key; null if neither is there
 * @param exceptionClass class of the exception behind the rejection; null if none
 */
record RejectedRecord(ConsumerRecord<byte[], byte[]> source, DeadLetterReason reason, String message, String callId,
                      String exceptionClass) implements Inbound {
}
