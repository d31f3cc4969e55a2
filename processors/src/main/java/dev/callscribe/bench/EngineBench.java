package dev.callscribe.bench;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.engine.quality.FallbackPolicy;
import dev.callscribe.engine.result.WindowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Encoder and decoder time per window at several batch sizes, on the engine's real path (features, one encoder run,
 * batched cached decoding). Windows are 30 s of noise; decoding is greedy with a fixed token budget and no fallback,
 * so every batch size does the same work per window.
 */
public final class EngineBench {

    /**
     * The figures of one batch size, averaged over the repeats.
     *
     * @param batchSize windows per batch
     * @param encoderMsPerWindow encoder time over windows
     * @param decoderMsPerWindow decoder time over windows
     * @param decoderMsPerStep decoder time of one step of the whole batch
     * @param steps decoder steps per batch (the longest row)
     */
    public record Result(int batchSize, double encoderMsPerWindow, double decoderMsPerWindow, double decoderMsPerStep,
                         int steps) {

        public double totalMsPerWindow() {
            return encoderMsPerWindow + decoderMsPerWindow;
        }
    }

    private final WhisperEngine engine;
    private final DecodingOptions options;

    public EngineBench(WhisperEngine engine, int maxNewTokens) {
        this.engine = engine;
        this.options = DecodingOptions.defaults().withLanguage("en").withTimestamps(false)
                .withMaxNewTokens(maxNewTokens).withTemperatures(List.of(0.0))
                .withFallback(new FallbackPolicy(Double.NaN, Double.NaN, Double.NaN));
    }

    /** One warm-up batch, then {@code repeats} timed batches of {@code batchSize} windows. */
    public Result run(int batchSize, int repeats) throws OrtException {
        List<float[]> windows = windows(batchSize);
        engine.transcribe(windows, options);
        double encoder = 0;
        double decoder = 0;
        int steps = 0;
        for (int i = 0; i < repeats; i++) {
            List<WindowResult> results = engine.transcribe(windows, options);
            encoder += results.get(0).timings().encoderMs();
            decoder += results.get(0).timings().decoderMs();
            steps = results.stream().mapToInt(WindowResult::decodeSteps).max().orElse(0);
        }
        return new Result(batchSize, encoder / repeats / batchSize, decoder / repeats / batchSize,
                decoder / repeats / Math.max(1, steps), steps);
    }

    private List<float[]> windows(int count) {
        Random random = new Random(3);
        List<float[]> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            float[] audio = new float[engine.maxWindowSamples()];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (float) (random.nextGaussian() * 0.1);
            }
            windows.add(audio);
        }
        return windows;
    }
}
