package dev.callscribe.engine;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * The decoder graph(s) of a model: Optimum's merged decoder, which runs both the first step and the cached steps
 * (an {@code If} on {@code use_cache_branch}), or the pair of first-step and with-past decoders.
 */
final class DecoderGraphs implements AutoCloseable {

    final OrtSession firstStep;
    final OrtSession withPast;
    final boolean merged;
    final int layers;

    private DecoderGraphs(OrtSession firstStep, OrtSession withPast, boolean merged) {
        this.firstStep = firstStep;
        this.withPast = withPast;
        this.merged = merged;
        this.layers = KvNames.countLayers(firstStep.getOutputNames());
    }

    /** Element type of the cache tensors, as the first-step graph returns them (float, or float16). */
    OnnxJavaType cacheType() throws OrtException {
        TensorInfo info = (TensorInfo) firstStep.getOutputInfo().get(KvNames.present(0, "decoder", "key")).getInfo();
        return info.type;
    }

    static DecoderGraphs merged(OrtSession merged) {
        return new DecoderGraphs(merged, merged, true);
    }

    static DecoderGraphs split(OrtSession firstStep, OrtSession withPast) {
        return new DecoderGraphs(firstStep, withPast, false);
    }

    @Override
    public void close() throws OrtException {
        firstStep.close();
        if (!merged) {
            withPast.close();
        }
    }
}
