package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

/**
 * The inputs of a decoder's first step: the prompt tokens and the encoder output, plus, for the merged decoder,
 * {@code use_cache_branch=false} and past tensors of length 0 (their values are not used, their shapes must fit).
 */
final class FirstStepInputs {

    private FirstStepInputs() {
    }

    static GraphInputs of(OrtEnvironment env, DecoderGraphs graphs, CacheShape cache, long[][] tokens,
                          OnnxTensor encoderHidden) throws OrtException {
        GraphInputs inputs = new GraphInputs();
        try {
            inputs.own(KvNames.INPUT_IDS, Tensors.tokenIds(env, tokens))
                    .borrow(KvNames.ENCODER_HIDDEN_STATES, encoderHidden)
                    .own(KvNames.USE_CACHE_BRANCH, Tensors.flag(env, false))
                    .own(KvNames.CACHE_POSITION, Tensors.positions(env, 0, tokens[0].length));
            if (graphs.merged) {
                addEmptyPast(env, cache, tokens.length, inputs);
            }
            return inputs;
        } catch (OrtException | RuntimeException e) {
            inputs.close();
            throw e;
        }
    }

    private static void addEmptyPast(OrtEnvironment env, CacheShape cache, int batch, GraphInputs inputs)
            throws OrtException {
        for (int layer = 0; layer < cache.layers(); layer++) {
            for (String attention : new String[] {"decoder", "encoder"}) {
                for (String part : KvNames.PARTS) {
                    inputs.own(KvNames.past(layer, attention, part),
                            Tensors.emptyCache(env, cache.type(), batch, cache.heads(), cache.headDim()));
                }
            }
        }
    }
}
