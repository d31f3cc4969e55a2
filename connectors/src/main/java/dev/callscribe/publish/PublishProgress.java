package dev.callscribe.publish;

import java.time.Duration;

/**
 * How far a publish run has come. Sent chunks are handed to the producer; acknowledged ones are written to every
 * in-sync replica of the topic (the producer runs with {@code acks=all}).
 *
 * @param callsTotal the calls of the run
 * @param callsSent calls whose last chunk has been sent
 * @param chunksTotal the chunks of all calls
 * @param chunksSent chunks handed to the producer
 * @param chunksAcknowledged chunks the broker has acknowledged
 * @param payloadBytesSent audio bytes in the chunks sent (Avro and Kafka overhead not counted)
 * @param audioSent audio in the chunks sent, summed over calls
 * @param elapsed time since the run started
 */
public record PublishProgress(int callsTotal, int callsSent, long chunksTotal, long chunksSent,
                              long chunksAcknowledged, long payloadBytesSent, Duration audioSent, Duration elapsed) {

    /** Whether every chunk has been acknowledged. */
    public boolean complete() {
        return chunksAcknowledged == chunksTotal;
    }
}
