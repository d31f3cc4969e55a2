package dev.callscribe.segmenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import dev.callscribe.schemas.registry.RegistryUnavailableException;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The segmenter on the TopologyTestDriver. Speech is the oracle's tones (voiced, in the speech band, so the VAD
 * hears them as speech); silence is silence.
 */
class SegmenterTopologyTest {

    private static final String SCOPE = "segmenter-topology-test";
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    /** Agent talks at 1-3 s and 9-10 s; customer at 5-6 s; 14 s in all. */
    private static final float[] AGENT = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"),
            Placement.of(2, "world"), Placement.of(9, "thanks")), 14, 0);
    private static final float[] CUSTOMER = ORACLE.synthesizeRecording(List.of(Placement.of(5, "refund")), 14, 0);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> audio;
    private TestOutputTopic<String, AudioWindow> windows;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @AfterEach
    void closeDriver() {
        driver.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldCutEachChannelsSpeechIntoWindowsAndSkipTheSilence() {
        start(Map.of());

        sendAll(Chunks.pcm16("call-1", new float[][] {AGENT, CUSTOMER}, 500, true));

        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).filteredOn(w -> w.getChannel() == 0).extracting(AudioWindow::getSpeaker)
                .containsOnly("agent");
        assertThat(emitted).filteredOn(w -> w.getChannel() == 1).extracting(AudioWindow::getSpeaker)
                .containsOnly("customer");
        assertThat(emitted).filteredOn(AudioWindow::getLast).extracting(AudioWindow::getChannel)
                .containsExactlyInAnyOrder(0, 1);
        long sentMs = emitted.stream().mapToLong(w -> w.getPayload().remaining() / 32).sum();
        assertThat(sentMs).as("audio sent, of 28 s of channel audio holding 4 s of speech")
                .isBetween(4_000L, 9_000L);
        assertThat(emitted).allSatisfy(w -> assertThat(w.getPayload().remaining() / 32)
                .isEqualTo(w.getPayload().remaining() == 0 ? 0 : w.getDurationMs()));
    }

    @Test
    void shouldGiveTheSameWindowsWhateverOrderTheChunksArriveIn() {
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {AGENT, CUSTOMER}, 500, true);
        start(Map.of());
        sendAll(chunks);
        List<AudioWindow> inOrder = withoutEmissionTimes(windows.readValuesToList());
        driver.close();
        MockSchemaRegistry.dropScope(SCOPE);

        List<AudioChunk> shuffled = new ArrayList<>(chunks);
        Collections.swap(shuffled, 3, 5);
        Collections.swap(shuffled, 10, 11);
        start(Map.of());
        sendAll(shuffled);

        assertThat(withoutEmissionTimes(windows.readValuesToList())).isEqualTo(inOrder);
    }

    @Test
    void shouldDeadLetterADuplicateChunkAndCarryOn() {
        start(Map.of());
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {AGENT}, 1000, true);
        send(chunks.get(0));
        send(chunks.get(0));
        sendAll(chunks.subList(1, chunks.size()));

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason, DeadLetter::getSourceTopic)
                .containsExactly(tuple(DeadLetterReason.DUPLICATE_SEQ, Topics.AUDIO.name()));
        assertThat(windows.readValuesToList()).filteredOn(AudioWindow::getLast).hasSize(1);
    }

    @Test
    void shouldCarryOnAfterTheGapTimeoutWithTheGapFilledAndRecorded() {
        start(Map.of(SegmenterConfig.GAP_TIMEOUT_MS_CONFIG, "1000"));
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {AGENT}, 1000, true);
        sendAll(chunks.subList(0, 2));
        sendAll(chunks.subList(3, chunks.size()));
        assertThat(windows.readValuesToList()).noneMatch(AudioWindow::getLast);

        driver.advanceWallClockTime(Duration.ofMillis(1_500));

        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).anyMatch(AudioWindow::getLast);
        // the speech at 1-3 s lost its second second: the window ending it runs 310 ms into the silent gap
        assertThat(emitted).extracting(AudioWindow::getStartMs, AudioWindow::getDurationMs, AudioWindow::getGapMs)
                .contains(tuple(690L, 1_620, 310));
    }

    @Test
    void shouldEndACallThatStopsSendingAfterTheInactivityTimeout() {
        start(Map.of(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, "5000"));
        sendAll(Chunks.pcm16("call-1", new float[][] {AGENT, CUSTOMER}, 500, false));
        assertThat(windows.readValuesToList()).noneMatch(AudioWindow::getLast);

        driver.advanceWallClockTime(Duration.ofSeconds(6));

        assertThat(windows.readValuesToList()).filteredOn(AudioWindow::getLast).extracting(AudioWindow::getChannel)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(store(SegmenterStores.AUDIO).approximateNumEntries()).isZero();
    }

    @Test
    void shouldDeadLetterBadInputWithItsReasonWhileOtherCallsGoOn() {
        start(Map.of());
        audio.pipeInput("call-bad", new byte[] {0x7b, 0x22});
        send(Chunks.chunk("call-rate", 0, 0, new byte[200], AudioEncoding.PCM_S16LE, 12_000, 1, false));
        send(Chunks.chunk("call-nan", 0, 0, nanFloats(), AudioEncoding.FLOAT32LE, 16_000, 1, false));
        send(Chunks.chunk("call-odd", 0, 0, new byte[3], AudioEncoding.PCM_S16LE, 16_000, 1, false));
        audio.pipeInput("other-key", serialize(Chunks.chunk("call-key", 0, 0, new byte[4], AudioEncoding.PCM_S16LE,
                16_000, 1, false)));
        sendAll(Chunks.pcm16("call-good", new float[][] {AGENT}, 1000, true));

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason).containsExactly(
                DeadLetterReason.UNDECODABLE_RECORD, DeadLetterReason.UNSUPPORTED_SAMPLE_RATE,
                DeadLetterReason.INVALID_SAMPLES, DeadLetterReason.INVALID_CHUNK, DeadLetterReason.INVALID_CHUNK);
        assertThat(windows.readValuesToList()).extracting(AudioWindow::getCallId).containsOnly("call-good");
    }

    @Test
    void shouldDeadLetterAChunkArrivingAfterItsCallEnded() {
        start(Map.of());
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {AGENT}, 1000, true);
        sendAll(chunks);

        send(chunks.get(2));

        assertThat(deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.LATE_CHUNK);
    }

    @Test
    void shouldCutFixedOverlappingWindowsInChunkedMode() {
        start(Map.of(SegmenterConfig.WINDOW_MODE_CONFIG, "chunked", SegmenterConfig.CHUNK_LENGTH_S_CONFIG, "6"));

        sendAll(Chunks.pcm16("call-1", new float[][] {AGENT}, 500, true));

        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).extracting(AudioWindow::getWindowIndex, AudioWindow::getStartMs)
                .containsExactly(tuple(0L, 0L), tuple(1L, 4_000L), tuple(2L, 8_000L));
        assertThat(emitted).extracting(AudioWindow::getStrideLeftMs).containsExactly(0, 1_000, 1_000);
        assertThat(emitted.get(2).getLast()).isTrue();
    }

    @Test
    void shouldStampWindowsCutDuringACallsFirstChunkWithThatChunksCaptureTime() {
        // Given 10 s chunks (publish --chunk-length 10): the agent's first turn ends inside the first chunk
        start(Map.of());
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {AGENT, CUSTOMER}, 10_000, true);

        sendAll(chunks);

        // Then no window says it was captured in 1970, and those cut from the first chunk carry its capture time
        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).isNotEmpty().allSatisfy(window -> assertThat(window.getCapturedAt())
                .isAfterOrEqualTo(chunks.get(0).getCapturedAt())
                .isBeforeOrEqualTo(chunks.get(chunks.size() - 1).getCapturedAt()));
        assertThat(emitted).filteredOn(window -> window.getStartMs() + window.getDurationMs() < 10_000)
                .isNotEmpty().extracting(AudioWindow::getCapturedAt).containsOnly(chunks.get(0).getCapturedAt());
    }

    @Test
    void shouldStampWindowsWithACaptureTimeWhenTheCallsFirstChunkWasDeadLetteredAsOversize() {
        // Given a call whose first chunk is over segmenter.max.chunk.ms: its next chunk opens the call
        start(Map.of(SegmenterConfig.MAX_CHUNK_MS_CONFIG, "5000", SegmenterConfig.GAP_TIMEOUT_MS_CONFIG, "1000"));
        List<AudioChunk> chunks = new ArrayList<>(Chunks.pcm16("call-1", new float[][] {AGENT, CUSTOMER}, 4_000,
                true));
        chunks.set(0, Chunks.chunk("call-1", 0, 0, new byte[6 * 16_000 * 4], AudioEncoding.PCM_S16LE, 16_000, 2,
                false));
        sendAll(chunks);
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.OVERSIZE_CHUNK);
        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).isNotEmpty().allSatisfy(window -> assertThat(window.getCapturedAt())
                .isAfterOrEqualTo(chunks.get(1).getCapturedAt()));
    }

    @Test
    void shouldStopRatherThanDeadLetterAChunkWhileTheRegistryCannotBeReached() {
        // Given a segmenter whose registry stops answering after the chunk's schema was registered
        SchemaRegistryClient registry = MockSchemaRegistry.forScope(SCOPE);
        SchemaRegistryClient unreachable = (SchemaRegistryClient) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getSchemaById")) {
                        throw new RegistryUnavailableException("registry at http://registry:8081 did not answer",
                                SchemaRegistryException.UNKNOWN, null);
                    }
                    return method.invoke(registry, args);
                });
        start(Map.of(), unreachable);

        // When a chunk arrives, Then the role fails (to be restarted and read it again), and nothing is dead-lettered
        assertThatThrownBy(() -> sendAll(Chunks.pcm16("call-1", new float[][] {AGENT}, 500, true)))
                .isInstanceOf(StreamsException.class);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private void start(Map<String, String> overrides) {
        start(overrides, MockSchemaRegistry.forScope(SCOPE));
    }

    private void start(Map<String, String> overrides, SchemaRegistryClient registry) {
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.put("schema.registry.url", "mock://" + SCOPE);
        SegmenterConfig config = new SegmenterConfig(settings);
        Properties properties = Segmenter.streamsProperties(config);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/segmenter-ttd");
        driver = new TopologyTestDriver(SegmenterTopology.build(config, registry, new SimpleMeterRegistry()),
                properties, Instant.parse("2026-11-26T12:00:00Z"));
        audio = driver.createInputTopic(Topics.AUDIO.name(), new StringSerializer(), new ByteArraySerializer());
        windows = driver.createOutputTopic(Topics.WINDOWS.name(), new StringDeserializer(),
                Topics.WINDOWS.valueSerde(serdes()).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER.name(), new StringDeserializer(),
                Topics.DEAD_LETTER.valueSerde(serdes()).deserializer());
    }

    private void sendAll(List<AudioChunk> chunks) {
        chunks.forEach(this::send);
    }

    private void send(AudioChunk chunk) {
        audio.pipeInput(chunk.getCallId(), serialize(chunk));
    }

    private byte[] serialize(AudioChunk chunk) {
        return Topics.AUDIO.valueSerde(serdes()).serializer().serialize(Topics.AUDIO.name(), chunk);
    }

    private KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    private static Map<String, Object> serdes() {
        return Map.of("schema.registry.url", "mock://" + SCOPE);
    }

    private static byte[] nanFloats() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f).putFloat(Float.NaN)
                .putFloat(0f).putFloat(0f).array();
    }

    private static List<AudioWindow> withoutEmissionTimes(List<AudioWindow> windows) {
        return windows.stream().map(w -> AudioWindow.newBuilder(w).setEmittedAt(Instant.EPOCH)
                .setCapturedAt(Instant.EPOCH).build()).toList();
    }
}
