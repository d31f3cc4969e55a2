package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Which Kafka failures end the worker and which abort the transaction and retry. */
class FailuresTest {

    static Stream<KafkaException> fatal() {
        return Stream.of(
                new ProducerFencedException("a newer producer with this transactional id exists"),
                new FencedInstanceIdException("another member has this group.instance.id"),
                new InvalidProducerEpochException("producer epoch is stale"),
                new InvalidTxnStateException("the transaction was aborted for us"),
                new TransactionalIdAuthorizationException("not allowed"),
                new TopicAuthorizationException("not allowed"),
                new UnsupportedVersionException("broker too old for transactions"),
                new OutOfOrderSequenceException("sequence gap"),
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new ProducerFencedException("fenced")));
    }

    static Stream<KafkaException> abortable() {
        return Stream.of(
                new TimeoutException("commit timed out"),
                new CommitFailedException("the group rebalanced"),
                new TransactionAbortableException("abort and retry"),
                new SerializationException("the registry is unreachable"),
                new KafkaException("something transient"));
    }

    @ParameterizedTest
    @MethodSource("fatal")
    void shouldEndTheWorkerOnFailuresAFreshProducerAloneCouldGetPast(KafkaException failure) {
        assertThat(Failures.classify(failure)).isEqualTo(Failures.Kind.FATAL);
    }

    @ParameterizedTest
    @MethodSource("abortable")
    void shouldAbortAndRetryOnEveryOtherKafkaFailure(KafkaException failure) {
        assertThat(Failures.classify(failure)).isEqualTo(Failures.Kind.ABORTABLE);
    }
}
