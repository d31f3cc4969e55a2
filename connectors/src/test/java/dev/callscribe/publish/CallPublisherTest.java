package dev.callscribe.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallPublisherTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final String TOPIC = "calls.audio";
    private static final String REGISTRY = "mock://" + CallPublisherTest.class.getSimpleName();

    /** 2.5 s and 1.2 s of mono 8 kHz mu-law. */
    private static final WavAudio LONG = new WavAudio(8_000, 1, SampleEncoding.MULAW, new byte[20_000]);
    private static final WavAudio SHORT = new WavAudio(8_000, 1, SampleEncoding.MULAW, new byte[9_600]);

    private final FakeClock clock = new FakeClock(START);
    private final List<PublishProgress> progress = new ArrayList<>();
    private final List<Instant> sendTimes = new ArrayList<>();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(CallPublisherTest.class.getSimpleName());
    }

    @Test
    void shouldInterleaveConcurrentCallsInTheOrderTheirAudioEnds() throws Exception {
        MockProducer<String, AudioChunk> producer = producer(true, serializer());

        try (CallPublisher publisher = publisher(producer)) {
            publisher.publish(calls(), Pacing.AS_FAST_AS_POSSIBLE);
        }

        // Chunk ends: long at 1, 2, 2.5 s; short at 1, 1.2 s.
        assertThat(producer.history()).extracting(record -> record.key() + "#" + record.value().getSeq())
                .containsExactly("long#0", "short#0", "short#1", "long#1", "long#2");
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).isEqualTo(record.value().getCallId());
        });
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldSendEachChunkInRealTimeWhenItsAudioHasBeenCaptured() throws Exception {
        MockProducer<String, AudioChunk> producer = producer(true, serializer());

        try (CallPublisher publisher = publisher(producer)) {
            publisher.publish(calls(), Pacing.REALTIME);
        }

        List<Instant> ends = List.of(START.plusSeconds(1), START.plusSeconds(1), START.plusMillis(1_200),
                START.plusSeconds(2), START.plusMillis(2_500));
        assertThat(capturedAt(producer)).containsExactlyElementsOf(ends);
        assertThat(clock.sleeps()).containsExactlyElementsOf(ends);
        assertThat(sendTimes).containsExactlyElementsOf(ends);
    }

    @Test
    void shouldStampChunksWithTheirSendTimeWhenNotPaced() throws Exception {
        MockProducer<String, AudioChunk> producer = producer(true, serializer());
        PublishListener tenMillisPerSend = update -> clock.advance(Duration.ofMillis(10));

        try (CallPublisher publisher = new CallPublisher(producer, TOPIC, clock, tenMillisPerSend)) {
            publisher.publish(calls(), Pacing.AS_FAST_AS_POSSIBLE);
        }

        assertThat(clock.sleeps()).isEmpty();
        assertThat(capturedAt(producer)).containsExactly(START, START.plusMillis(10), START.plusMillis(20),
                START.plusMillis(30), START.plusMillis(40));
    }

    @Test
    void shouldReportProgressUntilEveryChunkIsAcknowledged() throws Exception {
        MockProducer<String, AudioChunk> producer = producer(true, serializer());

        PublishProgress done;
        try (CallPublisher publisher = publisher(producer)) {
            done = publisher.publish(calls(), Pacing.REALTIME);
        }

        assertThat(progress).extracting(PublishProgress::chunksSent).containsExactly(1L, 2L, 3L, 4L, 5L, 5L);
        assertThat(progress).extracting(PublishProgress::callsSent).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(done).isEqualTo(progress.get(progress.size() - 1));
        assertThat(done.complete()).isTrue();
        assertThat(done.chunksTotal()).isEqualTo(5);
        assertThat(done.payloadBytesSent()).isEqualTo(20_000 + 9_600);
        assertThat(done.audioSent()).isEqualTo(Duration.ofMillis(2_500 + 1_200));
        assertThat(done.elapsed()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void shouldStopAtTheFirstChunkTheBrokerRefusesAndNameIt() {
        MockProducer<String, AudioChunk> producer = producer(false, serializer());
        PublishListener brokerRefusesFirst = update -> producer.errorNext(
                new RecordTooLargeException("The message is 2000000 bytes when serialized"));

        try (CallPublisher publisher = new CallPublisher(producer, TOPIC, clock, brokerRefusesFirst)) {
            assertThatThrownBy(() -> publisher.publish(calls(), Pacing.AS_FAST_AS_POSSIBLE))
                    .isInstanceOf(PublishException.class)
                    .hasMessage("cannot publish chunk 0 of call long to calls.audio: The message is 2000000 bytes "
                            + "when serialized");
        }
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldHintThatABrokerOrTopicIsMissingWhenMetadataTimesOut() {
        MockProducer<String, AudioChunk> producer = producer(false, serializer());
        PublishListener noMetadata = update -> producer.errorNext(
                new TimeoutException("Topic calls.audio not present in metadata after 60000 ms."));

        try (CallPublisher publisher = new CallPublisher(producer, TOPIC, clock, noMetadata)) {
            assertThatThrownBy(() -> publisher.publish(calls(), Pacing.AS_FAST_AS_POSSIBLE))
                    .hasMessage("cannot publish chunk 0 of call long to calls.audio: Topic calls.audio not present in "
                            + "metadata after 60000 ms. (is a broker reachable at bootstrap.servers, and does the "
                            + "topic exist?)");
        }
    }

    @Test
    void shouldSayWhichChunkCannotBeSerialized() {
        Serializer<AudioChunk> registryDown = (topic, chunk) -> {
            throw new SerializationException("schema registry unavailable");
        };
        MockProducer<String, AudioChunk> producer = producer(true, registryDown);

        try (CallPublisher publisher = publisher(producer)) {
            assertThatThrownBy(() -> publisher.publish(calls(), Pacing.AS_FAST_AS_POSSIBLE))
                    .isInstanceOf(PublishException.class)
                    .hasMessage("cannot publish chunk 0 of call long to calls.audio: schema registry unavailable");
        }
    }

    @Test
    void shouldSendWithAcksAllAndIdempotenceAndPassOtherSettingsThrough() {
        Map<String, Object> config = CallPublisher.producerConfig(Map.of("bootstrap.servers", "kafka:9092",
                "security.protocol", "SASL_SSL", "acks", "all"));

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldRefuseSettingsThatWouldLoseOrDoubleChunks() {
        assertThatThrownBy(() -> CallPublisher.producerConfig(Map.of("acks", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acks")
                .hasMessageContaining("publishing needs acks=all");
        assertThatThrownBy(() -> CallPublisher.producerConfig(Map.of("enable.idempotence", "false")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("publishing needs enable.idempotence=true");
    }

    private CallPublisher publisher(MockProducer<String, AudioChunk> producer) {
        return new CallPublisher(producer, TOPIC, clock, update -> {
            progress.add(update);
            if (update.chunksSent() > sendTimes.size()) {
                sendTimes.add(clock.now());
            }
        });
    }

    private static List<CallChunker> calls() {
        return List.of(new CallChunker(CallInfo.of("long"), LONG, Duration.ofSeconds(1)),
                new CallChunker(CallInfo.of("short"), SHORT, Duration.ofSeconds(1)));
    }

    private static MockProducer<String, AudioChunk> producer(boolean autoComplete, Serializer<AudioChunk> values) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), values);
    }

    /** The project's serializer against an in-memory registry: the bytes a real producer would send. */
    private static Serializer<AudioChunk> serializer() {
        return Topics.AUDIO.valueSerde(Map.of("schema.registry.url", REGISTRY)).serializer();
    }

    private static List<Instant> capturedAt(MockProducer<String, AudioChunk> producer) {
        return producer.history().stream().map(ProducerRecord::value).map(AudioChunk::getCapturedAt).toList();
    }
}
