package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Decoding with the attention cache, following Optimum's merged-decoder protocol: the first step runs the prompt
 * with {@code use_cache_branch=false} and empty past tensors, and returns the self-attention and cross-attention
 * keys and values; every later step feeds one token per row, the self-attention cache of the previous step and the
 * cross-attention cache of the first step (the with-past branch returns empty placeholders for it, so it must be
 * kept from step one). The split layout runs the same protocol on its two graphs.
 *
 * <p>Owns the first step's outputs for the whole decode and the latest step's outputs until the next step.
 */
final class CachedDecodeSession implements DecodeSession {

    private final OrtEnvironment env;
    private final DecoderGraphs graphs;
    private final CacheShape cache;
    private final OnnxTensor encoderHidden;
    private OrtSession.Result first;
    private OrtSession.Result latest;
    private int length;

    CachedDecodeSession(OrtEnvironment env, DecoderGraphs graphs, CacheShape cache, OnnxTensor encoderHidden) {
        this.env = env;
        this.graphs = graphs;
        this.cache = cache;
        this.encoderHidden = encoderHidden;
    }

    @Override
    public Logits prefill(long[][] prompt) throws OrtException {
        if (first != null) {
            throw new IllegalStateException("prefill() runs once per decode session");
        }
        try (GraphInputs inputs = FirstStepInputs.of(env, graphs, cache, prompt, encoderHidden)) {
            first = inputs.run(graphs.firstStep);
        }
        latest = first;
        length = prompt[0].length;
        return Logits.copyOf(output(first, KvNames.LOGITS));
    }

    @Override
    public Logits step(long[] tokens) throws OrtException {
        if (first == null) {
            throw new IllegalStateException("step() before prefill()");
        }
        OrtSession.Result next;
        try (GraphInputs inputs = stepInputs(tokens)) {
            next = inputs.run(graphs.withPast);
        }
        if (latest != first) {
            latest.close();
        }
        latest = next;
        length++;
        return Logits.copyOf(output(next, KvNames.LOGITS));
    }

    private GraphInputs stepInputs(long[] tokens) throws OrtException {
        long[][] column = new long[tokens.length][];
        for (int row = 0; row < tokens.length; row++) {
            column[row] = new long[] {tokens[row]};
        }
        GraphInputs inputs = new GraphInputs()
                .own(KvNames.INPUT_IDS, Tensors.tokenIds(env, column))
                .borrow(KvNames.ENCODER_HIDDEN_STATES, encoderHidden)
                .own(KvNames.USE_CACHE_BRANCH, Tensors.flag(env, true))
                .own(KvNames.CACHE_POSITION, Tensors.positions(env, length, length + 1));
        for (int layer = 0; layer < cache.layers(); layer++) {
            for (String part : KvNames.PARTS) {
                inputs.borrow(KvNames.past(layer, "decoder", part),
                        output(latest, KvNames.present(layer, "decoder", part)));
                inputs.borrow(KvNames.past(layer, "encoder", part),
                        output(first, KvNames.present(layer, "encoder", part)));
            }
        }
        return inputs;
    }

    static OnnxTensor output(OrtSession.Result result, String name) {
        return (OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException(
                "The decoder returned no " + name + " output"));
    }

    @Override
    public void close() {
        if (latest != null && latest != first) {
            latest.close();
        }
        if (first != null) {
            first.close();
        }
        latest = null;
        first = null;
    }
}
