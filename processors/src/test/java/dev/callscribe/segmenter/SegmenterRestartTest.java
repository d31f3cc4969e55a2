package dev.callscribe.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A segmenter that starts over state a predecessor left (restored from the changelog after a crash, an outage or a
 * rebalance) does not judge the calls' waits on time it did not see: the chunks that ended them may be in the input,
 * unread. Found by the failure suite: a segmenter process restarted after a registry outage ended a live call as
 * inactive, and its next chunks became dead letters.
 */
class SegmenterRestartTest {

    private static final String SCOPE = "segmenter-restart-test";
    private static final Instant STARTED = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration INACTIVITY = Duration.ofSeconds(5);
    private static final Duration GAP = Duration.ofSeconds(2);
    private static final float[] SPEECH = OracleAudio.fromResources().synthesizeRecording(
            List.of(Placement.of(1, "hello"), Placement.of(4, "world")), 8, 0);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> audio;
    private TestOutputTopic<String, AudioWindow> windows;

    @BeforeEach
    void startTheSegmenter() {
        Map<String, Object> settings = Map.of("schema.registry.url", "mock://" + SCOPE,
                SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, String.valueOf(INACTIVITY.toMillis()),
                SegmenterConfig.GAP_TIMEOUT_MS_CONFIG, String.valueOf(GAP.toMillis()));
        SegmenterConfig config = new SegmenterConfig(settings);
        Properties properties = Segmenter.streamsProperties(config);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/segmenter-restart");
        driver = new TopologyTestDriver(SegmenterTopology.build(config, MockSchemaRegistry.forScope(SCOPE),
                new SimpleMeterRegistry()), properties, STARTED);
        audio = driver.createInputTopic(Topics.AUDIO.name(), new StringSerializer(), new ByteArraySerializer());
        windows = driver.createOutputTopic(Topics.WINDOWS.name(), new StringDeserializer(),
                Topics.WINDOWS.valueSerde(serdes()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldNotEndACallForSilenceBeforeItStarted() {
        // Given a call whose last chunk, by the stored state, came a minute before this segmenter started
        List<AudioChunk> chunks = Chunks.pcm16("call-1", new float[][] {SPEECH}, 1000, true);
        send(chunks.subList(0, 3));
        backdate("call-1", Duration.ofMinutes(1));

        // When less than the inactivity timeout passes after the start, and the rest of the call arrives
        driver.advanceWallClockTime(INACTIVITY.minusSeconds(1));
        send(chunks.subList(3, chunks.size()));

        // Then the call ends with its last chunk, its whole speech in windows, not by inactivity before it
        List<AudioWindow> emitted = windows.readValuesToList();
        assertThat(emitted).filteredOn(AudioWindow::getLast).singleElement()
                .satisfies(last -> assertThat(last.getStartMs() + last.getDurationMs()).isGreaterThan(4_000));
    }

    @Test
    void shouldStillEndACallThatSendsNothingAfterTheStart() {
        // Given a restored call whose last chunk came a minute before the start
        send(Chunks.pcm16("call-1", new float[][] {SPEECH}, 1000, false).subList(0, 3));
        backdate("call-1", Duration.ofMinutes(1));

        // When the inactivity timeout passes after the start with nothing more
        driver.advanceWallClockTime(INACTIVITY.plusSeconds(1));

        // Then the call is ended
        assertThat(windows.readValuesToList()).anyMatch(AudioWindow::getLast);
    }

    /** Rewrites the call's stored times as a predecessor would have left them, {@code age} before the start. */
    private void backdate(String callId, Duration age) {
        KeyValueStore<String, CallState> calls = driver.getKeyValueStore(SegmenterStores.CALLS);
        CallState call = calls.get(callId);
        long then = STARTED.minus(age).toEpochMilli();
        calls.put(callId, new CallState(call.format(), call.nextSeq(), call.nextFrame(), call.speakers(),
                call.languageHint(), then, call.lastCapturedAtMs(), call.waitingSinceMs(), call.channels()));
    }

    private void send(List<AudioChunk> chunks) {
        chunks.forEach(chunk -> audio.pipeInput(chunk.getCallId(),
                Topics.AUDIO.valueSerde(serdes()).serializer().serialize(Topics.AUDIO.name(), chunk)));
    }

    private static Map<String, Object> serdes() {
        return Map.of("schema.registry.url", "mock://" + SCOPE);
    }
}
