package dev.callscribe.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.MockRegistryExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The follower on a real broker: what it skips, and how it stops. (Aborted transactions, the call-id filter and
 * following from the latest records are covered through the command, in {@code TailCommandTest}.)
 */
class TranscriptFollowerTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String transcripts = KAFKA.uniqueName("transcripts");
    private final String metrics = KAFKA.uniqueName("metrics");
    private final TailOptions fromBeginning = TailOptions.defaults()
            .withTopics(new TailOptions.FollowedTopics(transcripts, metrics, KAFKA.uniqueName("dead-letter")))
            .withStart(StartPosition.EARLIEST);
    private final List<TailEvent> seen = new ArrayList<>();

    @Test
    void shouldSkipARecordItCannotDecodeAndCarryOn() throws Exception {
        // Given bytes that are no Avro record, between two transcripts of a call
        KAFKA.createTopic(transcripts, 1);
        send(transcripts, "call-1", Topics.TRANSCRIPTS.valueSerde(serdeConfig()).serializer()
                .serialize(transcripts, transcript("call-1", 0)));
        send(transcripts, "call-1", "not avro".getBytes(StandardCharsets.UTF_8));
        send(transcripts, "call-1", Topics.TRANSCRIPTS.valueSerde(serdeConfig()).serializer()
                .serialize(transcripts, combinedFinal("call-1")));

        // When followed until the call is finished
        TailProgress progress = followInTime(new TranscriptFollower(config(),
                fromBeginning.withStopWhen(StopCondition.afterCalls(1))));

        // Then the bad record is counted as skipped and both transcripts arrive
        assertThat(progress).isEqualTo(new TailProgress(2, 1, 1));
        assertThat(seen).extracting(TailEvent::callId).containsExactly("call-1", "call-1");
    }

    @Test
    void shouldFinishACallWithMetricsOnlyWhenItsCallMetricHasArrivedToo() throws Exception {
        // Given a finished call whose metrics come after its combined final
        KAFKA.createTopics(Map.of(transcripts, 1, metrics, 1));
        send(transcripts, "call-1", Topics.TRANSCRIPTS.valueSerde(serdeConfig()).serializer()
                .serialize(transcripts, combinedFinal("call-1")));
        send(metrics, "call-1", Topics.METRICS.valueSerde(serdeConfig()).serializer()
                .serialize(metrics, callMetric("call-1")));

        // When followed with metrics until one call is finished
        TailProgress progress = followInTime(new TranscriptFollower(config(),
                fromBeginning.withMetrics(true).withStopWhen(StopCondition.afterCalls(1))));

        // Then both were delivered before it stopped
        assertThat(progress.finishedCalls()).isEqualTo(1);
        assertThat(seen).hasSize(2).anySatisfy(event -> assertThat(event).isInstanceOf(TailEvent.OfMetric.class));
    }

    @Test
    void shouldDeliverNothingMoreOnceStoppedFromItsListener() throws Exception {
        // Given several records ready to be read in one poll
        KAFKA.createTopic(transcripts, 1);
        for (int revision = 0; revision < 5; revision++) {
            send(transcripts, "call-1", Topics.TRANSCRIPTS.valueSerde(serdeConfig()).serializer()
                    .serialize(transcripts, transcript("call-1", revision)));
        }
        TranscriptFollower follower = new TranscriptFollower(config(), fromBeginning);

        // When the listener stops the follower at the first
        TailProgress progress = CompletableFuture.supplyAsync(() -> follower.follow(event -> {
            seen.add(event);
            follower.stop();
        })).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // Then follow returns after that one
        assertThat(progress.events()).isEqualTo(1);
        assertThat(follower.isFollowing()).isFalse();
    }

    @Test
    void shouldReturnAtOnceWhenStoppedBeforeItStartsAndRefuseToFollowTwice() throws Exception {
        KAFKA.createTopic(transcripts, 1);
        TranscriptFollower follower = new TranscriptFollower(config(), fromBeginning);

        follower.stop();

        assertThat(followInTime(follower)).isEqualTo(TailProgress.NONE);
        assertThatThrownBy(() -> follower.follow(seen::add)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this follower has already followed; make a new one");
    }

    /** Follows on another thread; fails, stopping the follower, if it does not end within the timeout. */
    private TailProgress followInTime(TranscriptFollower follower) throws InterruptedException, ExecutionException {
        CompletableFuture<TailProgress> progress = CompletableFuture.supplyAsync(() -> follower.follow(seen::add));
        try {
            return progress.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            follower.stop();
            throw new AssertionError("the follower did not stop within " + TIMEOUT + "; it saw " + seen, e);
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(KAFKA.clientConfig());
        config.putAll(serdeConfig());
        return config;
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", REGISTRY.url());
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = KAFKA.producer(new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Transcript transcript(String callId, int revision) {
        return Transcript.newBuilder().setCallId(callId).setKind(TranscriptKind.INTERIM).setRevision(revision)
                .setChannel(0).setSegments(List.of()).setText("").setModelId("m").setEmittedAt(Instant.EPOCH).build();
    }

    private static Transcript combinedFinal(String callId) {
        Transcript combined = transcript(callId, 0);
        combined.setKind(TranscriptKind.FINAL);
        combined.setChannel(null);
        return combined;
    }

    private static LatencyMetric callMetric(String callId) {
        return LatencyMetric.newBuilder().setCallId(callId).setScope(MetricScope.CALL).setAudioEndMs(1_000)
                .setAudioMs(2_000).setSpeechMs(1_000).setEndToEndMs(500).setRealTimeFactor(0.1).setModelId("m")
                .setEmittedAt(Instant.EPOCH).build();
    }
}
