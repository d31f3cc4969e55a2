package dev.callscribe.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class BrokerContactTest {

    private static final TopicPartition PARTITION = new TopicPartition("calls.transcripts", 0);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    private final ProbedConsumer consumer = new ProbedConsumer();
    private long nowNanos;
    private final BrokerContact contact = new BrokerContact(consumer, GIVE_UP_AFTER, "kafka:9092", () -> nowNanos);

    @Test
    void shouldNotAskKafkaWhileRecordsArriveOrTheQuietIsShort() {
        advance(Duration.ofMinutes(5));
        contact.afterPoll(true);
        advance(BrokerContact.PROBE_INTERVAL.minusMillis(1));
        contact.afterPoll(false);

        assertThat(consumer.probes).isZero();
    }

    @Test
    void shouldCarryOnThroughALongQuietWhileKafkaAnswers() {
        for (int poll = 0; poll < 100; poll++) {
            advance(BrokerContact.PROBE_INTERVAL);
            contact.afterPoll(false);
        }

        assertThat(consumer.probes).isEqualTo(100);
    }

    @Test
    void shouldGiveUpOnlyOnceKafkaHasNotAnsweredForTheGiveUpTime() {
        consumer.answering = false;
        advance(GIVE_UP_AFTER.minusSeconds(1));
        assertThatCode(() -> contact.afterPoll(false)).doesNotThrowAnyException();

        advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> contact.afterPoll(false)).isInstanceOf(KafkaUnreachableException.class)
                .hasMessage("no answer from Kafka at kafka:9092 for 30 s; giving up (the time is set with "
                        + "--give-up-after)");
    }

    @Test
    void shouldStartCountingAgainWhenKafkaAnswersBetweenOutages() {
        consumer.answering = false;
        advance(GIVE_UP_AFTER.minusSeconds(1));
        contact.afterPoll(false);
        consumer.answering = true;
        advance(BrokerContact.PROBE_INTERVAL);
        contact.afterPoll(false);

        consumer.answering = false;
        advance(GIVE_UP_AFTER.minusSeconds(1));
        assertThatCode(() -> contact.afterPoll(false)).doesNotThrowAnyException();
    }

    private void advance(Duration duration) {
        nowNanos += duration.toNanos();
    }

    /** A consumer whose end-offset requests are answered, or time out as they do when no broker answers. */
    private static final class ProbedConsumer extends MockConsumer<String, byte[]> {

        private boolean answering = true;
        private int probes;

        ProbedConsumer() {
            super("earliest");
            assign(List.of(PARTITION));
            updateEndOffsets(Map.of(PARTITION, 0L));
        }

        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions,
                                                                 Duration timeout) {
            probes++;
            if (!answering) {
                throw new TimeoutException("no answer");
            }
            return super.endOffsets(partitions, timeout);
        }
    }
}
