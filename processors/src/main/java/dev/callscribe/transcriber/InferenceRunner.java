package dev.callscribe.transcriber;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.result.WindowResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine over a batch of windows. Windows of one language share an engine call (a window's language hint
 * counts on multilingual models only). When a call fails, each of its windows is tried once more alone, so one bad
 * window costs only itself: a window that fails alone too comes back as {@link InferenceOutcome.Failed}.
 *
 * <p>Not thread-safe: used by the worker's loop only.
 */
final class InferenceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceRunner.class);

    private final BatchEngine engine;
    private final boolean multilingual;
    private final DecodingOptions decoding;
    private final TranscriberMetrics metrics;
    private final Clock clock;

    /**
     * @param engine runs the model; borrowed
     * @param multilingual whether the model is multilingual, so a window's language hint counts
     * @param decoding the options every window is decoded with, language aside
     * @param metrics where batch sizes, inference times and queue waits are recorded
     * @param clock the wall clock of engine runs
     */
    InferenceRunner(BatchEngine engine, boolean multilingual, DecodingOptions decoding, TranscriberMetrics metrics,
                    Clock clock) {
        this.engine = engine;
        this.multilingual = multilingual;
        this.decoding = decoding;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Transcribes windows that have audio.
     *
     * @param windows windows with audio, at most one batch
     * @param abandoned asked before each engine call; true gives the batch up
     * @return one outcome per window, by identity
     * @throws AbandonedBatchException when {@code abandoned} says so
     */
    Map<AcceptedWindow, InferenceOutcome> run(List<AcceptedWindow> windows, BooleanSupplier abandoned) {
        Map<AcceptedWindow, InferenceOutcome> outcomes = new IdentityHashMap<>();
        for (Map.Entry<String, List<AcceptedWindow>> group : byLanguage(windows).entrySet()) {
            if (abandoned.getAsBoolean()) {
                throw new AbandonedBatchException("shutdown grace period over before the engine ran "
                        + group.getValue().size() + " window(s)");
            }
            DecodingOptions options = decoding.withLanguage(group.getKey());
            for (InferenceOutcome outcome : runOrRetryAlone(group.getValue(), options)) {
                outcomes.put(outcome.window(), outcome);
            }
        }
        return outcomes;
    }

    private List<InferenceOutcome> runOrRetryAlone(List<AcceptedWindow> rows, DecodingOptions options) {
        try {
            return call(rows, options);
        } catch (OrtException | IllegalArgumentException e) {
            LOG.warn("Engine failed on a batch of {} window(s); retrying each alone: {}", rows.size(), e.toString());
        }
        List<InferenceOutcome> outcomes = new ArrayList<>();
        for (AcceptedWindow row : rows) {
            try {
                outcomes.addAll(call(List.of(row), options));
            } catch (OrtException | IllegalArgumentException e) {
                LOG.error("Engine failed on window {} of call {} alone; dead-lettering it", row.window()
                        .getWindowIndex(), row.window().getCallId(), e);
                outcomes.add(new InferenceOutcome.Failed(row, e));
            }
        }
        return outcomes;
    }

    private List<InferenceOutcome> call(List<AcceptedWindow> rows, DecodingOptions options) throws OrtException {
        Instant started = clock.instant();
        List<WindowResult> results = engine.transcribe(rows.stream().map(AcceptedWindow::audio16k).toList(), options);
        EngineRun run = new EngineRun(started, clock.instant(), rows.size(),
                rows.stream().mapToDouble(AcceptedWindow::prepareMs).sum());
        metrics.engineCall(rows.size(), run.elapsed());
        List<InferenceOutcome> outcomes = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            metrics.queueWait(run.queueWaitMs(rows.get(row).window().getEmittedAt()));
            outcomes.add(new InferenceOutcome.Transcribed(rows.get(row), results.get(row), run));
        }
        return outcomes;
    }

    /** Windows grouped by the language they are decoded in; null stands for detection. Groups keep input order. */
    private Map<String, List<AcceptedWindow>> byLanguage(List<AcceptedWindow> windows) {
        Map<String, List<AcceptedWindow>> groups = new LinkedHashMap<>();
        for (AcceptedWindow window : windows) {
            String hint = window.window().getLanguageHint();
            String language = multilingual && hint != null && !hint.isBlank() ? hint : decoding.language();
            groups.computeIfAbsent(language, key -> new ArrayList<>()).add(window);
        }
        return groups;
    }
}
