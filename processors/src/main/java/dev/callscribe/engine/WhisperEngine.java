package dev.callscribe.engine;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.result.BatchTimings;
import dev.callscribe.engine.result.SegmentBuilder;
import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.tokenizer.WhisperTokenizer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Transcribes batches of audio windows with a Whisper model on ONNX Runtime: log-mel features, one encoder run for
 * the batch, then batched decoding with the attention cache, Whisper's logit rules, per-window quality signals and
 * the temperature fallback.
 *
 * <p>Owns the model's ONNX Runtime sessions; {@link #close()} releases them, after which the engine may not be used.
 * {@link #transcribe} may be called from several threads (ONNX Runtime sessions are thread-safe and each call keeps
 * its own state), though one caller forming large batches uses the hardware best.
 */
public final class WhisperEngine implements AutoCloseable {

    private final WhisperModel model;
    private final OrtSessions sessions;
    private final FeatureBatch features;
    private final FallbackDecoder decoder;
    private final Prompts prompts;
    private final SegmentBuilder segments;
    private final CacheShape cache;
    private volatile boolean closed;

    private WhisperEngine(WhisperModel model, OrtSessions sessions, EngineOptions options) throws OrtException {
        this.model = model;
        this.sessions = sessions;
        this.features = new FeatureBatch(model.preprocessor());
        this.cache = new CacheShape(sessions.decoder.layers, model.config().decoderAttentionHeads(),
                model.config().decoderHeadDim(), sessions.decoder.cacheType());
        this.decoder = new FallbackDecoder(sessions, cache, model, options.kvCache());
        this.prompts = new Prompts(model);
        WhisperTokenizer tokenizer = model.tokenizer();
        this.segments = new SegmentBuilder(model.specialTokens().timestampBegin(),
                WhisperTokenizer.SECONDS_PER_TIMESTAMP, tokenizer::decode);
    }

    /**
     * Opens a model's sessions.
     *
     * @throws OrtException if ONNX Runtime cannot load a graph
     */
    public static WhisperEngine open(WhisperModel model, EngineOptions options) throws OrtException {
        OrtSessions sessions = OrtSessions.open(model.files(), options);
        try {
            return new WhisperEngine(model, sessions, options);
        } catch (OrtException | RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    /** The model this engine runs. */
    public WhisperModel model() {
        return model;
    }

    /** Where the sessions actually run (CUDA may have fallen back to CPU). */
    public ExecutionProvider provider() {
        return sessions.provider;
    }

    /** The most samples one window may hold (30 s at 16 kHz for Whisper models). */
    public int maxWindowSamples() {
        return features.maxSamples();
    }

    /**
     * Transcribes windows of 16 kHz mono audio, each at most {@link #maxWindowSamples()} long, as one batch.
     *
     * @return one result per window, in order
     * @throws IllegalArgumentException if a window is too long, or an option does not fit the model
     * @throws OrtException if ONNX Runtime fails
     */
    public List<WindowResult> transcribe(List<float[]> windows, DecodingOptions options) throws OrtException {
        requireOpen();
        if (windows.isEmpty()) {
            return List.of();
        }
        requireFits(windows);
        long start = System.nanoTime();
        FloatBuffer batchFeatures = features.compute(windows);
        long featuresDone = System.nanoTime();
        try (EncoderRun encoded = EncoderRun.encode(sessions, batchFeatures, features.shape(windows.size()))) {
            long encoderDone = System.nanoTime();
            List<String> languages = languages(encoded, windows.size(), options);
            List<Prompts.Prompt> rowPrompts = languages.stream().map(l -> prompts.build(l, options)).toList();
            List<Attempt> attempts = decoder.decode(encoded.hidden(), rowPrompts, options);
            BatchTimings timings = new BatchTimings(windows.size(), millis(featuresDone - start),
                    millis(encoderDone - featuresDone), millis(System.nanoTime() - encoderDone));
            return results(attempts, languages, windows, options, timings);
        }
    }

    private List<String> languages(EncoderRun encoded, int batch, DecodingOptions options) throws OrtException {
        if (!model.generation().multilingual()) {
            return Collections.nCopies(batch, null);
        }
        if (options.language() != null) {
            return Collections.nCopies(batch, options.language());
        }
        LanguageDetector detector = new LanguageDetector(model.generation().langToId(),
                model.specialTokens().startOfTranscript());
        try (DecodeSession session = new CachedDecodeSession(sessions.env, sessions.decoder, cache,
                encoded.hidden())) {
            return detector.detect(session, batch);
        }
    }

    private List<WindowResult> results(List<Attempt> attempts, List<String> languages, List<float[]> windows,
                                       DecodingOptions options, BatchTimings timings) {
        List<WindowResult> results = new ArrayList<>();
        for (int row = 0; row < attempts.size(); row++) {
            Attempt attempt = attempts.get(row);
            double seconds = (double) windows.get(row).length / model.preprocessor().samplingRate();
            boolean silence = options.fallback().isSilence(attempt.signals());
            results.add(new WindowResult(
                    silence ? List.of() : attempt.decode().tokens(),
                    silence ? "" : attempt.text(),
                    silence ? List.of() : segments.segments(attempt.decode().tokenIds(), seconds),
                    languages.get(row), attempt.signals(), attempt.temperature(), silence, attempt.totalSteps(),
                    timings));
        }
        return results;
    }

    private void requireFits(List<float[]> windows) {
        for (int row = 0; row < windows.size(); row++) {
            if (windows.get(row).length > features.maxSamples()) {
                throw new IllegalArgumentException("Window " + row + " holds " + windows.get(row).length
                        + " samples; a window holds at most " + features.maxSamples() + " (cut long audio into "
                        + "windows first)");
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("WhisperEngine for " + model.id() + " is closed");
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Closes the sessions; idempotent. */
    @Override
    public void close() throws OrtException {
        if (!closed) {
            closed = true;
            sessions.close();
        }
    }
}
