package dev.callscribe.transcriber;

import static dev.callscribe.transcriber.OracleFixture.ORACLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.avro.WindowToken;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.MockRegistryExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transcriber on a real broker with the oracle model: windows in, window transcripts out, read with a
 * read_committed consumer.
 */
class TranscriberTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    private static final List<Placement> HELLO_WORLD = List.of(Placement.of(1, "hello"), Placement.of(3, "world"));

    private static WhisperEngine engine;

    private TranscriberRig rig;
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void openEngine() {
        engine = OracleFixture.engine();
    }

    @AfterAll
    static void closeEngine() throws Exception {
        engine.close();
    }

    @BeforeEach
    void createTopics() {
        rig = new TranscriberRig(KAFKA, REGISTRY.url(), 3);
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stopWorkers() {
        rig.close();
    }

    @Test
    void shouldTranscribeAWindowIntoATranscriptWithItsPlacementTokensAndTimings() {
        // Given a window of 6 s with two words, 12 s into the call
        AudioWindow window = Windows.window("call-1", 1, 3, OracleFixture.speech(6, HELLO_WORLD))
                .setStartMs(12_000).setStrideLeftMs(500).setStrideRightMs(700).setSpeechMs(2_000).build();
        rig.send(window);

        // When a worker transcribes it
        start("worker-1");
        ConsumerRecord<String, WindowTranscript> record = rig.awaitTranscripts(1).get(0);

        // Then the transcript says what was spoken, where, and how it was made
        WindowTranscript transcript = record.value();
        assertThat(record.key()).isEqualTo("call-1");
        assertThat(transcript.getText()).isEqualTo(" hello world");
        assertThat(transcript.getNoSpeech()).isFalse();
        assertThat(placementOf(transcript)).containsExactly("call-1", 1, 2, "customer", 3L, 12_000L, 6_000, 500, 700,
                2_000, false);
        assertThat(transcript.getCapturedAt()).isEqualTo(Windows.CAPTURED_AT);
        assertThat(transcript.getWindowEmittedAt()).isEqualTo(Windows.EMITTED_AT);
        assertThat(transcript.getTranscribedAt()).isAfter(Windows.EMITTED_AT);
        assertThat(transcript.getLanguage()).isEqualTo("en");
        assertThat(transcript.getAvgLogProb()).isBetween(-0.5, 0.0);
        assertThat(transcript.getNoSpeechProb()).isBetween(0.0, 0.1);
        assertThat(transcript.getDecoding().getModelId()).isEqualTo(engine.model().id());
        assertThat(transcript.getDecoding().getTask()).isEqualTo("transcribe");
        assertThat(transcript.getDecoding().getTimestamps()).isTrue();
        assertThat(transcript.getDecoding().getTemperature()).isZero();
        assertThat(transcript.getDecoding().getMaxNewTokens()).isEqualTo(224);
    }

    @Test
    void shouldCarryEachTokensBytesAndTheTimesOfTimestampTokens() {
        rig.send(Windows.window("call-2", 0, 0, OracleFixture.speech(6, HELLO_WORLD)).build());

        start("worker-1");
        WindowTranscript transcript = rig.awaitTranscripts(1).get(0).value();

        long[] expected = ORACLE.expectedTokens(HELLO_WORLD, true);
        assertThat(transcript.getTokens()).extracting(WindowToken::getId)
                .containsExactlyElementsOf(Arrays.stream(expected, 0, expected.length - 1)
                        .mapToObj(id -> (int) id).toList());
        assertThat(transcript.getTokens()).extracting(token -> text(token.getBytes()), WindowToken::getTimeMs)
                .containsExactly(tuple("", 1_000), tuple(" hello", null), tuple("", 2_000), tuple("", 3_000),
                        tuple(" world", null), tuple("", 4_000));
        assertThat(transcript.getTokens()).allSatisfy(token -> assertThat(token.getLogProb()).isBetween(-1f, 0f));
    }

    @Test
    void shouldPlaceSegmentsOnTheCallTimeline() {
        rig.send(Windows.window("call-3", 0, 2, OracleFixture.speech(6, HELLO_WORLD)).setStartMs(40_000).build());

        start("worker-1");
        WindowTranscript transcript = rig.awaitTranscripts(1).get(0).value();

        assertThat(transcript.getSegments())
                .extracting(TranscriptSegment::getStartMs, TranscriptSegment::getEndMs, TranscriptSegment::getText)
                .containsExactly(tuple(41_000L, 42_000L, " hello"), tuple(43_000L, 44_000L, " world"));
        assertThat(transcript.getSegments()).allSatisfy(segment -> {
            assertThat(segment.getAvgLogProb()).isBetween(-0.5, 0.0);
            assertThat(segment.getNoSpeechProb()).isEqualTo(transcript.getNoSpeechProb());
        });
    }

    @Test
    void shouldReportTheEngineTimingsOfTheWindowsBatch() {
        rig.send(Windows.window("call-4", 0, 0, OracleFixture.speech(6, HELLO_WORLD)).build());

        start("worker-1");
        WindowTranscript transcript = rig.awaitTranscripts(1).get(0).value();

        assertThat(transcript.getTimings().getBatchSize()).isEqualTo(1);
        assertThat(transcript.getTimings().getQueueWaitMs()).isPositive();
        assertThat(transcript.getTimings().getFeatureMs()).isPositive();
        assertThat(transcript.getTimings().getEncoderMs()).isPositive();
        assertThat(transcript.getTimings().getDecoderMs()).isPositive();
        assertThat(transcript.getTimings().getDecodeSteps()).isEqualTo(7);
    }

    @Test
    void shouldResampleMuLawWindowsAt8kHzBeforeTranscribingThem() {
        List<Placement> words = List.of(Placement.of(0, "account"), Placement.of(2, "please"));
        float[] at8k = Payloads.everyOtherSample(ORACLE.synthesize(words, 5, 0.0));
        rig.send(Windows.window("call-5", 0, 0, Payloads.muLaw(at8k))
                .setEncoding(AudioEncoding.MULAW).setSampleRateHz(8_000).build());

        start("worker-1");
        WindowTranscript transcript = rig.awaitTranscripts(1).get(0).value();

        assertThat(transcript.getText()).isEqualTo(" account please");
        assertThat(transcript.getDurationMs()).isEqualTo(5_000);
    }

    @Test
    void shouldBatchWindowsOfSeveralCallsFromSeveralPartitions() {
        // Given eight windows of four calls spread over three partitions, waiting before the worker starts
        Map<String, Integer> partitionOfCall = Map.of("call-a", 0, "call-b", 1, "call-c", 2, "call-d", 0);
        for (Map.Entry<String, Integer> call : partitionOfCall.entrySet()) {
            for (int index = 0; index < 2; index++) {
                rig.send(call.getValue(), Windows.window(call.getKey(), 0, index, OracleFixture.word(3, "refund"))
                        .build());
            }
        }

        // When the worker polls them
        start("worker-1");
        List<WindowTranscript> transcripts = values(rig.awaitTranscripts(8));

        // Then windows of different partitions were decoded together, in batches of more than one
        Map<List<Object>, List<WindowTranscript>> batches = transcripts.stream()
                .collect(Collectors.groupingBy(TranscriberTest::engineCall));
        assertThat(transcripts).extracting(WindowTranscript::getText).containsOnly(" refund");
        assertThat(batches.values()).anySatisfy(batch -> {
            assertThat(batch.size()).isGreaterThan(1).isEqualTo(batch.get(0).getTimings().getBatchSize());
            assertThat(batch.stream().map(t -> partitionOfCall.get(t.getCallId())).distinct().count())
                    .isGreaterThan(1);
        });
        assertThat(meters.get(TranscriberMetrics.BATCH_SIZE).summary().max()).isGreaterThan(1);
    }

    @Test
    void shouldAnswerAnEndOfChannelMarkerWithAnEmptyNoSpeechTranscriptWithoutInference() {
        rig.send(Windows.endMarker("call-6", 1, 4).setStartMs(44_000).build());

        start("worker-1");
        WindowTranscript transcript = rig.awaitTranscripts(1).get(0).value();

        assertThat(transcript.getText()).isEmpty();
        assertThat(transcript.getTokens()).isEmpty();
        assertThat(transcript.getSegments()).isEmpty();
        assertThat(transcript.getNoSpeech()).isTrue();
        assertThat(transcript.getLast()).isTrue();
        assertThat(transcript.getDurationMs()).isZero();
        assertThat(transcript.getWindowIndex()).isEqualTo(4);
        assertThat(transcript.getTimings().getBatchSize()).isZero();
        assertThat(transcript.getTimings().getEncoderMs()).isZero();
        assertThat(transcript.getTimings().getDecodeSteps()).isZero();
        assertThat(meters.get(TranscriberMetrics.BATCH_SIZE).summary().count()).isZero();
    }

    @Test
    void shouldCountCommittedWindowsAndAudioSeconds() {
        rig.send(Windows.window("call-7", 0, 0, OracleFixture.word(4, "thanks")).build());
        rig.send(Windows.endMarker("call-7", 0, 1).build());

        start("worker-1");
        rig.awaitTranscripts(2);

        Await.until("the commit is counted", TranscriberRig.TIMEOUT,
                () -> meters.get(TranscriberMetrics.WINDOWS).counter().count() == 2);
        assertThat(meters.get(TranscriberMetrics.AUDIO).counter().count()).isEqualTo(4.0);
        assertThat(meters.get(TranscriberMetrics.QUEUE_WAIT).timer().count()).isEqualTo(1);
        assertThat(meters.get(TranscriberMetrics.INFERENCE).timer().count()).isEqualTo(1);
    }

    private Transcriber start(String instance) {
        return rig.startWorker(rig.config(instance), engine, meters, LoopHook.NONE);
    }

    private static List<Object> placementOf(WindowTranscript transcript) {
        return List.of(transcript.getCallId(), transcript.getChannel(), transcript.getChannels(),
                transcript.getSpeaker(), transcript.getWindowIndex(), transcript.getStartMs(),
                transcript.getDurationMs(), transcript.getStrideLeftMs(), transcript.getStrideRightMs(),
                transcript.getSpeechMs(), transcript.getLast());
    }

    /** What identifies the engine call a window was decoded in: its batch's size and timings. */
    private static List<Object> engineCall(WindowTranscript transcript) {
        return List.of(transcript.getTimings().getBatchSize(), transcript.getTimings().getEncoderMs(),
                transcript.getTimings().getDecoderMs());
    }

    private static <K, V> List<V> values(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
}
