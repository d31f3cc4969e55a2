package dev.callscribe.tail;

import java.time.Duration;
import org.apache.kafka.common.KafkaException;

/** Kafka has not answered a follower for longer than it waits ({@link TailOptions#giveUpAfter()}). */
public final class KafkaUnreachableException extends KafkaException {

    private static final long serialVersionUID = 1L;

    /**
     * @param brokers the bootstrap servers asked
     * @param about what was asked, or empty
     * @param waited how long there was no answer
     */
    KafkaUnreachableException(Object brokers, String about, Duration waited, Throwable cause) {
        super("no answer from Kafka at " + brokers + (about.isEmpty() ? "" : " " + about) + " for "
                + waited.toSeconds() + " s; giving up (the time is set with --give-up-after)", cause);
    }
}
