package dev.callscribe.transcriber;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What one record of calls.windows turned out to be: a window to transcribe, or a record to dead-letter. */
sealed interface Inbound permits AcceptedWindow, RejectedRecord {

    /** The record as consumed, key and value bytes untouched. */
    ConsumerRecord<byte[], byte[]> source();
}
