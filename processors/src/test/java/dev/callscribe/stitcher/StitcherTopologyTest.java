package dev.callscribe.stitcher;

import static dev.callscribe.stitcher.WindowTranscripts.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StitcherTopologyTest {

    private static final String SCOPE = "stitcher-topology-test";
    private static final String CALL = "call-1";
    private static final Instant STARTED = Instant.parse("2026-11-26T12:01:00Z");

    private final SchemaRegistryClient registry = MockSchemaRegistry.forScope(SCOPE);
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> windows;
    private TestOutputTopic<String, Transcript> transcripts;
    private TestOutputTopic<String, LatencyMetric> metrics;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        Map<String, Object> settings = Map.of("schema.registry.url", "mock://" + SCOPE,
                StitcherConfig.GAP_TIMEOUT_MS_CONFIG, 10_000L);
        StitcherConfig config = new StitcherConfig(settings);
        Properties properties = Stitcher.streamsProperties(config);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/stitcher-ttd");
        driver = new TopologyTestDriver(StitcherTopology.build(config, registry, meterRegistry),
                properties, STARTED);
        windows = driver.createInputTopic(Topics.WINDOW_TRANSCRIPTS.name(), new StringSerializer(),
                new ByteArraySerializer());
        transcripts = output(Topics.TRANSCRIPTS.name(), Topics.TRANSCRIPTS.valueSerde(serdes()).deserializer());
        metrics = output(Topics.METRICS.name(), Topics.METRICS.valueSerde(serdes()).deserializer());
        deadLetters = output(Topics.DEAD_LETTER.name(), Topics.DEAD_LETTER.valueSerde(serdes()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldEmitInterimRevisionsThenOneFinalPerChannel() {
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0", "@2.0", "there", "@3.0"));
        send(window(CALL, 0, 1, 10_000, 10_000, false, "@0.0", "account", "@1.0"));
        send(window(CALL, 0, 2, 20_000, 10_000, true, "@4.0", "thanks", "@5.0"));

        List<Transcript> emitted = transcripts.readValuesToList();
        assertThat(emitted).extracting(Transcript::getKind, Transcript::getRevision).containsExactly(
                tuple(TranscriptKind.INTERIM, 0), tuple(TranscriptKind.INTERIM, 1), tuple(TranscriptKind.FINAL, 2));
        Transcript last = emitted.get(2);
        assertThat(last.getText()).isEqualTo(" hello there account thanks");
        assertThat(last.getSegments()).extracting(TranscriptSegment::getStartMs, TranscriptSegment::getEndMs)
                .containsExactly(tuple(0L, 1000L), tuple(2000L, 3000L), tuple(10_000L, 11_000L),
                        tuple(24_000L, 25_000L));
        assertThat(last.getChannel()).isZero();
        assertThat(last.getSpeaker()).isEqualTo("agent");
    }

    @Test
    void shouldFinishAChannelOnAnEndMarkerWindowWithoutAudio() {
        // Utterance mode: the call ends after the channel's last utterance was sent, so its last window is a marker
        send(window(CALL, 0, 0, 2_000, 3_000, false, "@0.0", "hello", "@1.0"));
        send(window(CALL, 0, 1, 9_000, 0, true));

        List<Transcript> emitted = transcripts.readValuesToList();
        assertThat(emitted).extracting(Transcript::getKind).containsExactly(TranscriptKind.INTERIM,
                TranscriptKind.FINAL);
        assertThat(emitted.get(1).getText()).isEqualTo(" hello");
        assertThat(emitted.get(1).getSegments()).extracting(TranscriptSegment::getStartMs,
                TranscriptSegment::getEndMs).containsExactly(tuple(2_000L, 3_000L));
        assertThat(deadLetters.readValuesToList()).isEmpty();
    }

    @Test
    void shouldStitchWindowsInIndexOrderWhateverOrderTheyArrive() {
        WindowTranscript first = window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0");
        WindowTranscript second = window(CALL, 0, 1, 10_000, 10_000, false, "@0.0", "account", "@1.0");
        WindowTranscript third = window(CALL, 0, 2, 20_000, 10_000, true, "@0.0", "thanks", "@1.0");

        send(third);
        send(first);
        send(second);

        List<Transcript> emitted = transcripts.readValuesToList();
        assertThat(emitted).extracting(Transcript::getRevision).containsExactly(0, 1, 2);
        assertThat(emitted.get(2).getText()).isEqualTo(" hello account thanks");
        assertThat(emitted.get(2).getKind()).isEqualTo(TranscriptKind.FINAL);
    }

    @Test
    void shouldIgnoreAWindowDeliveredTwice() {
        WindowTranscript first = window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0");

        send(first);
        send(first);

        assertThat(transcripts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldEmitOneCombinedFinalWithSpeakersInTimeOrderWhenEveryChannelIsFinal() {
        send(window(CALL, 0, 0, 0, 10_000, true, "@1.0", "hello", "@2.0", "@5.0", "anything", "@6.0"));
        send(window(CALL, 1, 0, 0, 10_000, true, "@3.0", "yes", "@4.0"));

        List<Transcript> emitted = transcripts.readValuesToList();
        assertThat(emitted).filteredOn(t -> t.getKind() == TranscriptKind.FINAL).hasSize(3);
        Transcript combined = emitted.get(emitted.size() - 1);
        assertThat(combined.getChannel()).isNull();
        assertThat(combined.getSegments()).extracting(TranscriptSegment::getSpeaker, TranscriptSegment::getText)
                .containsExactly(tuple("agent", " hello"), tuple("customer", " yes"), tuple("agent", " anything"));
        assertThat(combined.getText()).isEqualTo(" hello yes anything");
        LatencyMetric callMetric = metrics.readValuesToList().stream()
                .filter(m -> m.getScope() == MetricScope.CALL).findFirst().orElseThrow();
        assertThat(callMetric.getWindowCount()).isEqualTo(2);
        assertThat(callMetric.getAudioMs()).isEqualTo(20_000);
    }

    @Test
    void shouldMeasureEachWindowFromCaptureToEmission() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));

        LatencyMetric metric = metrics.readValue();
        assertThat(metric.getScope()).isEqualTo(MetricScope.WINDOW);
        // emitted at 12:01:01, the window's newest audio was captured at 12:00:10
        assertThat(metric.getEndToEndMs()).isEqualTo(51_000);
        assertThat(metric.getBatchSize()).isEqualTo(4);
        assertThat(metric.getRealTimeFactor()).isEqualTo((8.0 + 120.0 + 40.0) / 4 / 10_000);
    }

    @Test
    void shouldNeitherWriteNorRecordALatencyFromAnUnknownCaptureTime() {
        // Given a window whose audio has no capture time (a producer that sent capturedAt 0), then one that has
        send(WindowTranscript.newBuilder(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"))
                .setCapturedAt(Instant.EPOCH).build());
        send(window(CALL, 0, 1, 10_000, 10_000, true, "@0.0", "thanks", "@1.0"));

        // Then the first metric says unknown (-1), not 57 years, and the histogram holds the second one only
        assertThat(metrics.readValuesToList()).filteredOn(m -> m.getScope() == MetricScope.WINDOW)
                .extracting(LatencyMetric::getEndToEndMs).containsExactly(-1L, 40_000L);
        Timer latency = meterRegistry.get("callscribe.end.to.end.latency").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.max(TimeUnit.SECONDS)).isEqualTo(40.0);
    }

    @Test
    void shouldDeadLetterARecordOfAnotherSchemaNamingItAndCarryOn() {
        byte[] transcript = Topics.TRANSCRIPTS.valueSerde(serdes()).serializer().serialize(Topics.TRANSCRIPTS.name(),
                Transcript.newBuilder().setCallId(CALL).setKind(TranscriptKind.FINAL).setRevision(0).setText("")
                        .setSegments(List.of()).setModelId("m").setEmittedAt(Instant.EPOCH).build());
        windows.pipeInput(CALL, transcript);
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));

        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(deadLetter.getMessage()).contains("is of schema dev.callscribe.avro.Transcript",
                "not dev.callscribe.avro.WindowTranscript");
        assertThat(transcripts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldDeadLetterAWindowWithANegativeIndexOrChannelAndCarryOn() {
        send(WindowTranscript.newBuilder(window("call-bad", 0, 0, 0, 10_000, false)).setWindowIndex(-1).build());
        send(WindowTranscript.newBuilder(window("call-bad", 0, 0, 0, 10_000, false)).setChannel(-1).build());
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.UNDECODABLE_RECORD, DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(transcripts.readValuesToList()).extracting(Transcript::getCallId).containsExactly(CALL);
    }

    @Test
    void shouldDeadLetterAnUndecodableRecordAndCarryOn() {
        windows.pipeInput(CALL, new byte[] {1, 2, 3});
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));

        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(deadLetter.getValue().array()).containsExactly(1, 2, 3);
        assertThat(deadLetter.getCallId()).isEqualTo(CALL);
        assertThat(transcripts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldDeadLetterAWindowThatMakesStitchingThrowAndCarryOnWithTheOtherCalls() {
        // A window shorter than its strides: the transcriber never writes one, another producer might
        send(WindowTranscript.newBuilder(window("call-bad", 0, 0, 0, 100, false, "@0.0", "hello", "@0.1"))
                .setStrideLeftMs(500).setStrideRightMs(500).build());
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));

        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.OTHER);
        assertThat(deadLetter.getStage()).isEqualTo(Stitcher.ROLE);
        assertThat(deadLetter.getCallId()).isEqualTo("call-bad");
        assertThat(deadLetter.getMessage()).contains("stitcher failed on this record", "strides");
        assertThat(transcripts.readValuesToList()).extracting(Transcript::getCallId).containsExactly(CALL);
    }

    @Test
    void shouldCarryOnWithoutAWindowThatNeverComes() {
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));
        send(window(CALL, 0, 2, 20_000, 10_000, true, "@0.0", "thanks", "@1.0"));
        assertThat(transcripts.readValuesToList()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofSeconds(11));

        Transcript last = transcripts.readValue();
        assertThat(last.getKind()).isEqualTo(TranscriptKind.FINAL);
        assertThat(last.getText()).isEqualTo(" hello thanks");
    }

    @Test
    void shouldWaitTheWholeGapTimeoutAfterItStartsForAWindowItsPredecessorWaitedFor() {
        // Given a channel waiting for window 1, by the stored state since a minute before this stitcher started
        // (restored after a crash: the missing window may be in the input, unread)
        send(window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"));
        send(window(CALL, 0, 2, 20_000, 10_000, true, "@0.0", "thanks", "@1.0"));
        KeyValueStore<String, ChannelProgress> channels = driver.getKeyValueStore(StitcherStores.CHANNELS);
        String channel = StitcherStores.channelKey(CALL, 0);
        ChannelProgress waiting = channels.get(channel);
        channels.put(channel, new ChannelProgress(waiting.nextIndex(), waiting.revision(), waiting.merge(),
                waiting.segments(), waiting.tokenBytes(), waiting.totals(), waiting.finished(),
                STARTED.minus(Duration.ofMinutes(1)).toEpochMilli()));

        // When less than the gap timeout passes after the start, and the window arrives
        driver.advanceWallClockTime(Duration.ofSeconds(9));
        send(window(CALL, 0, 1, 10_000, 10_000, false, "@0.0", "account", "@1.0"));

        // Then it is stitched in, not skipped
        assertThat(transcripts.readValuesToList()).filteredOn(t -> t.getKind() == TranscriptKind.FINAL)
                .singleElement().satisfies(last -> assertThat(last.getText()).isEqualTo(" hello account thanks"));
    }

    @Test
    void shouldIgnoreWindowsOfACallThatIsAlreadyFinal() {
        send(window(CALL, 0, 0, 0, 10_000, true, "@0.0", "hello", "@1.0"));
        send(window(CALL, 1, 0, 0, 10_000, true, "@0.0", "yes", "@1.0"));
        transcripts.readValuesToList();

        send(window(CALL, 0, 0, 0, 10_000, true, "@0.0", "hello", "@1.0"));

        assertThat(transcripts.isEmpty()).isTrue();
    }

    private void send(WindowTranscript window) {
        windows.pipeInput(window.getCallId(),
                Topics.WINDOW_TRANSCRIPTS.valueSerde(serdes()).serializer().serialize(
                        Topics.WINDOW_TRANSCRIPTS.name(), window));
    }

    private Map<String, Object> serdes() {
        return Map.of("schema.registry.url", "mock://" + SCOPE);
    }

    private <V> TestOutputTopic<String, V> output(String topic,
                                                  org.apache.kafka.common.serialization.Deserializer<V> values) {
        return driver.createOutputTopic(topic, new StringDeserializer(), values);
    }
}
