package dev.callscribe.model;

import java.util.Optional;

/**
 * The network's dimensions, from {@code config.json}.
 *
 * @param modelType             {@code model_type}, "whisper"
 * @param numMelBins            {@code num_mel_bins}: mel bins of the input features (80, or 128 for large-v3)
 * @param dModel                {@code d_model}: width of the hidden states
 * @param encoderLayers         {@code encoder_layers}
 * @param encoderAttentionHeads {@code encoder_attention_heads}
 * @param decoderLayers         {@code decoder_layers}: one set of past key/value tensors per layer
 * @param decoderAttentionHeads {@code decoder_attention_heads}
 * @param vocabSize             {@code vocab_size}: width of the logits
 * @param maxSourcePositions    {@code max_source_positions}: encoder positions (1500 for 30 s)
 * @param maxTargetPositions    {@code max_target_positions}: decoder context in tokens (448)
 * @param nameOrPath            {@code _name_or_path}: the checkpoint it was exported from, where recorded
 */
public record WhisperConfig(
    String modelType,
    int numMelBins,
    int dModel,
    int encoderLayers,
    int encoderAttentionHeads,
    int decoderLayers,
    int decoderAttentionHeads,
    int vocabSize,
    int maxSourcePositions,
    int maxTargetPositions,
    Optional<String> nameOrPath) {

    /** The only {@code model_type} this project runs. */
    public static final String WHISPER = "whisper";

    /** Checks every size is positive and the widths divide into heads. */
    public WhisperConfig {
        requirePositive("num_mel_bins", numMelBins);
        requirePositive("d_model", dModel);
        requirePositive("encoder_layers", encoderLayers);
        requirePositive("encoder_attention_heads", encoderAttentionHeads);
        requirePositive("decoder_layers", decoderLayers);
        requirePositive("decoder_attention_heads", decoderAttentionHeads);
        requirePositive("vocab_size", vocabSize);
        requirePositive("max_source_positions", maxSourcePositions);
        requirePositive("max_target_positions", maxTargetPositions);
        requireDivisible(dModel, encoderAttentionHeads, "encoder_attention_heads");
        requireDivisible(dModel, decoderAttentionHeads, "decoder_attention_heads");
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("'" + key + "' must be positive, got " + value);
        }
    }

    private static void requireDivisible(int dModel, int heads, String key) {
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " is not a multiple of '" + key + "' " + heads);
        }
    }

    /** Returns the width of one decoder attention head, the last dimension of the key/value cache tensors. */
    public int decoderHeadDim() {
        return dModel / decoderAttentionHeads;
    }

    static WhisperConfig read(ConfigJson file) {
        String modelType = file.optionalString("model_type").orElse(WHISPER);
        if (!WHISPER.equals(modelType)) {
            throw new ModelFormatException(file.name() + ": 'model_type' is '" + modelType + "'; expected '"
                + WHISPER + "'");
        }
        try {
            return new WhisperConfig(modelType, file.requireInt("num_mel_bins"), file.requireInt("d_model"),
                file.requireInt("encoder_layers"), file.requireInt("encoder_attention_heads"),
                file.requireInt("decoder_layers"), file.requireInt("decoder_attention_heads"),
                file.requireInt("vocab_size"), file.requireInt("max_source_positions"),
                file.requireInt("max_target_positions"), file.optionalString("_name_or_path"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.name() + ": " + e.getMessage(), e);
        }
    }
}
