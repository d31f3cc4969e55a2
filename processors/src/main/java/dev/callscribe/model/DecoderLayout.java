package dev.callscribe.model;

/** Which decoder files of an Optimum export to use. */
public enum DecoderLayout {
    /**
     * {@code decoder_model_merged.onnx} where it exists, else the pair {@code decoder_model.onnx} +
     * {@code decoder_with_past_model.onnx}; what Optimum's own runtime does.
     */
    PREFER_MERGED,
    /** Only {@code decoder_model_merged.onnx} (one session, cache branch chosen by {@code use_cache_branch}). */
    MERGED,
    /**
     * Only {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}: two sessions, but later steps do not
     * take {@code encoder_hidden_states}, which saves a host-to-GPU copy per step.
     */
    SPLIT
}
