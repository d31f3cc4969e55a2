package dev.callscribe.tail;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Tells a quiet topic from a broker that has gone away, for a consumer that only polls. An empty poll says neither;
 * so when polls have been empty for {@link #PROBE_INTERVAL}, the end offsets of the assigned partitions are asked
 * for: an answer is contact, a timeout is not. When there has been no contact for the give-up time, following ends
 * with a {@link KafkaUnreachableException} rather than retrying, and warning, forever. Not thread-safe; the polling
 * thread owns it.
 */
final class BrokerContact {

    /** Quiet time after which a probe asks Kafka whether it is still there. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    /** Longest one probe waits for its answer. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final Duration giveUpAfter;
    private final Object brokers;
    private final LongSupplier nanoClock;
    private long lastContactNanos;

    /**
     * @param consumer the assigned consumer to probe
     * @param giveUpAfter how long without contact before giving up
     * @param brokers the bootstrap servers, for the message
     */
    BrokerContact(Consumer<?, ?> consumer, Duration giveUpAfter, Object brokers) {
        this(consumer, giveUpAfter, brokers, System::nanoTime);
    }

    /** The same with another clock, for tests. */
    BrokerContact(Consumer<?, ?> consumer, Duration giveUpAfter, Object brokers, LongSupplier nanoClock) {
        this.consumer = consumer;
        this.giveUpAfter = giveUpAfter;
        this.brokers = brokers;
        this.nanoClock = nanoClock;
        this.lastContactNanos = nanoClock.getAsLong();
    }

    /**
     * Called after each poll.
     *
     * @param gotRecords whether the poll returned records, which is contact
     * @throws KafkaUnreachableException if Kafka has not answered for the give-up time
     */
    void afterPoll(boolean gotRecords) {
        long now = nanoClock.getAsLong();
        if (gotRecords) {
            lastContactNanos = now;
            return;
        }
        if (now - lastContactNanos < PROBE_INTERVAL.toNanos()) {
            return;
        }
        try {
            consumer.endOffsets(consumer.assignment(), PROBE_TIMEOUT);
            lastContactNanos = nanoClock.getAsLong();
        } catch (TimeoutException e) {
            if (nanoClock.getAsLong() - lastContactNanos >= giveUpAfter.toNanos()) {
                throw new KafkaUnreachableException(brokers, "", giveUpAfter, e);
            }
        }
    }
}
