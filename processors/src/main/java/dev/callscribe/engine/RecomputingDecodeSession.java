package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;

/**
 * Decoding without the attention cache: every step runs the first-step graph on the whole token sequence so far.
 * Slow (quadratic in length), and exactly what the cache is meant to save; it exists to verify that cached decoding
 * gives the same tokens.
 */
final class RecomputingDecodeSession implements DecodeSession {

    private final OrtEnvironment env;
    private final DecoderGraphs graphs;
    private final CacheShape cache;
    private final OnnxTensor encoderHidden;
    private long[][] history;

    RecomputingDecodeSession(OrtEnvironment env, DecoderGraphs graphs, CacheShape cache, OnnxTensor encoderHidden) {
        this.env = env;
        this.graphs = graphs;
        this.cache = cache;
        this.encoderHidden = encoderHidden;
    }

    @Override
    public Logits prefill(long[][] prompt) throws OrtException {
        history = Arrays.stream(prompt).map(long[]::clone).toArray(long[][]::new);
        return runWholeSequence();
    }

    @Override
    public Logits step(long[] tokens) throws OrtException {
        for (int row = 0; row < history.length; row++) {
            history[row] = Arrays.copyOf(history[row], history[row].length + 1);
            history[row][history[row].length - 1] = tokens[row];
        }
        return runWholeSequence();
    }

    private Logits runWholeSequence() throws OrtException {
        try (GraphInputs inputs = FirstStepInputs.of(env, graphs, cache, history, encoderHidden);
             OrtSession.Result result = inputs.run(graphs.firstStep)) {
            return Logits.copyOf(CachedDecodeSession.output(result, KvNames.LOGITS));
        }
    }

    @Override
    public void close() {
        history = null;
    }
}
