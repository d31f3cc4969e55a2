package dev.callscribe.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.codec.WavReader;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.it.support.PipelineUnderTest;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallInfo;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.transcribe.AudioFiles;
import dev.callscribe.transcribe.ChannelAudio;
import dev.callscribe.transcribe.ChannelTranscript;
import dev.callscribe.transcribe.FileTranscriber;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real KRaft broker: segmenter, transcriber (with the oracle model) and stitcher in this JVM,
 * the sample two-channel call and three synthetic calls published at once as chunks of 0.5 to 1 s, in the chunked
 * window mode (15 s windows, 2.5 s strides). Words of the synthetic calls avoid the windows' overlaps, where the
 * oracle's one-word segments are too short for the merge to align (see the README's architecture notes), and use
 * the oracle's tones inside the telephone speech band (300-3400 Hz), which is what voice activity detection hears.
 */
class PipelineEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(180);
    private static final String REGISTRY = "mock://pipeline-e2e";
    private static final ChunkingOptions CHUNKS = ChunkingOptions.defaults(15);
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final Map<String, List<List<Placement>>> SYNTHETIC = Map.of(
            "synthetic-1", List.of(words(1, "hello", 3, "account", 6, "payment", 16, "refund", 26, "thanks"),
                    words(2, "order", 8, "number", 17, "world")),
            "synthetic-2", List.of(words(0, "thanks", 4, "world"), words(5, "refund", 15, "hello", 27, "order")),
            "synthetic-3", List.of(words(9, "refund", 18, "payment"), words(1, "account", 25, "number")));
    private static final String NORTHWIND = "northwind";

    @TempDir
    static Path stateDir;

    private static final PrometheusMeterRegistry METERS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static WhisperEngine engine;
    private static PipelineUnderTest pipeline;
    private static CallTranscripts transcripts;
    private static List<LatencyMetric> metrics;

    @BeforeAll
    static void runThePipeline() throws Exception {
        engine = WhisperEngine.open(ModelFolder.read(FixtureModel.resourceDir("oracle"), ModelOptions.defaults()),
                EngineOptions.defaults().withIntraOpThreads(1));
        pipeline = new PipelineUnderTest(KAFKA.bootstrapServers(), REGISTRY, stateDir, CHUNKS);
        pipeline.start(engine, METERS);
        List<CallChunker> calls = new ArrayList<>();
        calls.add(new CallChunker(CallInfo.of(NORTHWIND), WavReader.read(SampleCall.wavBytes()),
                Duration.ofMillis(500)));
        SYNTHETIC.forEach((callId, channels) -> calls.add(new CallChunker(CallInfo.of(callId),
                ORACLE.synthesizeCall(channels, 30), Duration.ofSeconds(1))));
        pipeline.publish(calls);
        transcripts = pipeline.awaitCombinedFinals(calls.size(), PIPELINE_TIMEOUT);
        metrics = pipeline.committedMetrics(PIPELINE_TIMEOUT);
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldEmitExactlyOneFinalPerCallAndChannelAndOneCombinedFinalPerCall() {
        Map<String, Long> finals = transcripts.all().stream().filter(t -> t.getKind() == TranscriptKind.FINAL)
                .collect(Collectors.groupingBy(t -> t.getCallId() + "/" + t.getChannel(), Collectors.counting()));

        assertThat(finals).hasSize(3 * (SYNTHETIC.size() + 1)).allSatisfy((key, count) -> assertThat(count)
                .as(key).isEqualTo(1));
    }

    @Test
    void shouldTranscribeEachChannelOfTheSyntheticCallsExactly() {
        SYNTHETIC.forEach((callId, channels) -> {
            for (int channel = 0; channel < channels.size(); channel++) {
                assertThat(transcripts.channelFinal(callId, channel).getText()).as("%s channel %d", callId, channel)
                        .isEqualTo(ORACLE.expectedText(channels.get(channel)));
            }
        });
    }

    @Test
    void shouldCombineEveryChannelsSegmentsWithSpeakerLabelsInTimeOrder() {
        for (String callId : SYNTHETIC.keySet()) {
            List<TranscriptSegment> expected = new ArrayList<>();
            for (int channel = 0; channel < SYNTHETIC.get(callId).size(); channel++) {
                Transcript channelFinal = transcripts.channelFinal(callId, channel);
                for (TranscriptSegment segment : channelFinal.getSegments()) {
                    expected.add(TranscriptSegment.newBuilder(segment).setChannel(channel)
                            .setSpeaker(channelFinal.getSpeaker()).build());
                }
            }
            expected.sort(Comparator.comparingLong(TranscriptSegment::getStartMs)
                    .thenComparing(TranscriptSegment::getChannel));

            Transcript combined = transcripts.combinedFinal(callId);
            assertThat(combined.getSegments()).as(callId).containsExactlyElementsOf(expected);
            assertThat(combined.getSegments()).extracting(TranscriptSegment::getSpeaker).as(callId)
                    .containsOnly("agent", "customer");
            assertThat(combined.getText()).as(callId)
                    .isEqualTo(expected.stream().map(TranscriptSegment::getText).collect(Collectors.joining()));
        }
    }

    @Test
    void shouldGiveTheSameFinalAsTranscribingTheFileWithTheSameWindows() throws Exception {
        List<ChannelAudio> channels = AudioFiles.readChannels(northwindFile());
        FileTranscriber offline = new FileTranscriber(engine, CHUNKS, DecodingOptions.defaults().withLanguage(null),
                16);

        for (ChannelTranscript expected : offline.transcribe(channels)) {
            Transcript streamed = transcripts.channelFinal(NORTHWIND, expected.channel());
            assertThat(streamed.getText()).as("channel %d", expected.channel())
                    .isEqualTo(expected.transcript().text());
            assertThat(streamed.getSegments()).extracting(TranscriptSegment::getStartMs)
                    .containsExactlyElementsOf(expected.transcript().segments().stream()
                            .map(segment -> segment.startMs()).toList());
        }
    }

    @Test
    void shouldPublishALatencyMetricPerWindowAndPerCall() {
        assertThat(metrics).filteredOn(m -> m.getScope() == MetricScope.CALL).extracting(LatencyMetric::getCallId)
                .containsExactlyInAnyOrder("synthetic-1", "synthetic-2", "synthetic-3", NORTHWIND);
        List<LatencyMetric> windows = metrics.stream().filter(m -> m.getScope() == MetricScope.WINDOW).toList();
        assertThat(windows).isNotEmpty().allSatisfy(metric -> {
            assertThat(metric.getEndToEndMs()).isPositive();
            assertThat(metric.getAudioMs()).isPositive();
        });
    }

    @Test
    void shouldNeverSendSilenceToTheModel() {
        double in = METERS.get("callscribe.audio.in.seconds").counter().count();
        double windowed = METERS.get("callscribe.audio.windowed.seconds").counter().count();
        double skipped = METERS.get("callscribe.audio.silence.skipped.seconds").counter().count();

        assertThat(skipped).isPositive();
        assertThat(windowed).isLessThan(in * 1.5);
        assertThat(METERS.get("callscribe.transcriber.windows.transcribed").counter().count()).isPositive();
    }

    @Test
    void shouldExposeTheMetersTheReadmeDocuments() {
        String scrape = METERS.scrape();

        assertThat(scrape).contains("callscribe_audio_in_seconds_total", "callscribe_audio_windowed_seconds_total",
                "callscribe_audio_silence_skipped_seconds_total", "callscribe_segmenter_windows_total",
                "callscribe_segmenter_active_calls", "callscribe_transcriber_batch_size",
                "callscribe_transcriber_queue_wait_seconds", "callscribe_transcriber_inference_seconds",
                "callscribe_transcriber_windows_transcribed_total",
                "callscribe_transcriber_audio_transcribed_seconds_total", "callscribe_transcriber_transactions_total",
                "callscribe_end_to_end_latency_seconds", "callscribe_transcripts_emitted_total",
                "callscribe_stitcher_duplicate_windows_total", "callscribe_stitcher_late_windows_total",
                "callscribe_stitcher_gaps_skipped_total");
        assertThat(scrape).as("Kafka client meters of each role")
                .contains("kafka_stream_thread_", "kafka_consumer_", "kafka_producer_",
                        "role=\"segmenter\"", "role=\"stitcher\"", "role=\"transcriber\"");
    }

    /** The sample call as a file, as {@code callscribe transcribe} reads it. */
    private static Path northwindFile() throws IOException {
        Path file = stateDir.resolve("northwind-call.wav");
        return Files.exists(file) ? file : Files.write(file, SampleCall.wavBytes());
    }

    private static List<Placement> words(Object... slotsAndWords) {
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < slotsAndWords.length; i += 2) {
            placements.add(Placement.of((Integer) slotsAndWords[i], (String) slotsAndWords[i + 1]));
        }
        return placements;
    }
}
