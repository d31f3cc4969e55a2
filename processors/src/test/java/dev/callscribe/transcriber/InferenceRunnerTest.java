package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.quality.QualitySignals;
import dev.callscribe.engine.result.BatchTimings;
import dev.callscribe.engine.result.WindowResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One engine call per language, and a failing batch retried window by window so one bad window costs only itself. */
class InferenceRunnerTest {

    private static final DecodingOptions ENGLISH = DecodingOptions.defaults().withLanguage("en");
    private static final Instant BATCH_START = Windows.EMITTED_AT.plusMillis(1_250);

    private final List<Call> calls = new ArrayList<>();
    private float[] poisonAudio;

    /** An engine call as the fake engine saw it. */
    private record Call(int windows, String language) {
    }

    @Test
    void shouldDecodeWindowsOfOneLanguageInOneCall() {
        InferenceRunner runner = runner(false);

        Map<AcceptedWindow, InferenceOutcome> outcomes = runner.run(List.of(window(0), window(1), window(2)),
                () -> false);

        assertThat(calls).containsExactly(new Call(3, "en"));
        assertThat(outcomes.values()).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(InferenceOutcome.Transcribed.class);
            assertThat(((InferenceOutcome.Transcribed) outcome).run().batchSize()).isEqualTo(3);
        });
    }

    @Test
    void shouldRetryEachWindowAloneWhenItsBatchFailsAndFailOnlyTheOneThatFailsAlone() {
        AcceptedWindow bad = window(1);
        poisonAudio = bad.audio16k();
        InferenceRunner runner = runner(false);

        Map<AcceptedWindow, InferenceOutcome> outcomes = runner.run(List.of(window(0), bad, window(2)), () -> false);

        assertThat(calls).containsExactly(new Call(3, "en"), new Call(1, "en"), new Call(1, "en"), new Call(1, "en"));
        assertThat(outcomes.get(bad)).isInstanceOf(InferenceOutcome.Failed.class);
        assertThat(outcomes.values()).filteredOn(InferenceOutcome.Transcribed.class::isInstance).hasSize(2);
    }

    @Test
    void shouldDecodeEachLanguageHintSeparatelyOnMultilingualModels() {
        InferenceRunner runner = runner(true);

        runner.run(List.of(window(0, "de"), window(1, null), window(2, "de"), window(3, "fr")), () -> false);

        assertThat(calls).containsExactly(new Call(2, "de"), new Call(1, "en"), new Call(1, "fr"));
    }

    @Test
    void shouldIgnoreLanguageHintsOnEnglishOnlyModels() {
        InferenceRunner runner = runner(false);

        runner.run(List.of(window(0, "de"), window(1, "fr")), () -> false);

        assertThat(calls).containsExactly(new Call(2, "en"));
    }

    @Test
    void shouldMeasureTheQueueWaitFromEmissionToTheStartOfTheEngineCall() {
        InferenceRunner runner = runner(false);
        AcceptedWindow window = window(0);

        InferenceOutcome outcome = runner.run(List.of(window), () -> false).get(window);

        assertThat(((InferenceOutcome.Transcribed) outcome).run().queueWaitMs(Windows.EMITTED_AT)).isEqualTo(1_250);
    }

    @Test
    void shouldGiveUpTheBatchWhenAskedBeforeTheEngineRuns() {
        InferenceRunner runner = runner(false);

        assertThatThrownBy(() -> runner.run(List.of(window(0)), () -> true))
                .isInstanceOf(AbandonedBatchException.class);
        assertThat(calls).isEmpty();
    }

    private InferenceRunner runner(boolean multilingual) {
        return new InferenceRunner(this::fakeEngine, multilingual, ENGLISH,
                new TranscriberMetrics(new SimpleMeterRegistry(), "test"), Clock.fixed(BATCH_START, ZoneOffset.UTC));
    }

    /** Records each call; fails any call that includes the poison window's audio. */
    private List<WindowResult> fakeEngine(List<float[]> windows, DecodingOptions options) throws OrtException {
        calls.add(new Call(windows.size(), options.language()));
        if (windows.stream().anyMatch(audio -> audio == poisonAudio)) {
            throw new OrtException("simulated failure of the engine");
        }
        BatchTimings timings = new BatchTimings(windows.size(), 1, 2, 3);
        return windows.stream().map(audio -> new WindowResult(List.of(), " ok", List.of(), options.language(),
                new QualitySignals(-0.1, 0.01, 1.0), 0.0, false, 2, timings)).toList();
    }

    private static AcceptedWindow window(long index) {
        return window(index, null);
    }

    private static AcceptedWindow window(long index, String languageHint) {
        AudioWindow window = Windows.window("call-1", 0, index, new byte[0]).setLanguageHint(languageHint).build();
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("calls.windows", 0, index, new byte[0],
                new byte[0]);
        return new AcceptedWindow(source, window, new float[16_000], 0.5);
    }
}
