package dev.callscribe.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Counts what one publish run has sent and what the broker has acknowledged, and keeps the first failure. Sends are
 * counted on the publishing thread; acknowledgements and failures arrive on the producer's I/O thread, hence the
 * atomics.
 */
final class SendTracker {

    private final Instant start;
    private final int callsTotal;
    private final long chunksTotal;
    private int callsSent;
    private long chunksSent;
    private long payloadBytesSent;
    private Duration audioSent = Duration.ZERO;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<PublishException> failure = new AtomicReference<>();

    SendTracker(List<CallChunker> calls, Instant start) {
        this.start = start;
        this.callsTotal = calls.size();
        this.chunksTotal = calls.stream().mapToLong(CallChunker::chunkCount).sum();
    }

    /** Counts chunk {@code seq} of {@code call} as handed to the producer. */
    void sent(CallChunker call, int seq, int payloadBytes) {
        chunksSent++;
        payloadBytesSent += payloadBytes;
        audioSent = audioSent.plus(call.endOf(seq).minus(seq == 0 ? Duration.ZERO : call.endOf(seq - 1)));
        if (seq == call.chunkCount() - 1) {
            callsSent++;
        }
    }

    /** The producer callback of one chunk; {@code what} names the chunk in the failure message. */
    Callback callbackFor(String what) {
        return (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, new PublishException("cannot publish " + what + ": "
                        + reason(exception), exception));
            }
        };
    }

    /** Throws the first failure reported by the producer, if any. */
    void throwIfFailed() {
        PublishException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Kafka's metadata timeout does not say whether the broker or the topic is missing; the hint names both. */
    private static String reason(Exception exception) {
        String message = exception.getMessage();
        return exception instanceof TimeoutException
                ? message + " (is a broker reachable at bootstrap.servers, and does the topic exist?)"
                : message;
    }

    PublishProgress progress(Instant now) {
        return new PublishProgress(callsTotal, callsSent, chunksTotal, chunksSent, acknowledged.get(),
                payloadBytesSent, audioSent, Duration.between(start, now));
    }
}
