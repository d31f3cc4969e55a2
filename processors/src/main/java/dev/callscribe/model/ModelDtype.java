package dev.callscribe.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Weight formats of an exported model, each stored in its own file whose name carries the suffix transformers.js uses
 * ({@code encoder_model_int8.onnx}, {@code decoder_model_merged_fp16.onnx}; fp32 has no suffix). The encoder and the
 * decoder can use different formats: on CPU a dynamic-int8 encoder with an fp32 decoder is the measured sweet spot.
 */
public enum ModelDtype {
    /** 32-bit float weights: the plain Optimum export. */
    FP32("fp32", ""),
    /** 16-bit float weights and activations; for CUDA. */
    FP16("fp16", "_fp16"),
    /** Dynamic 8-bit quantization as transformers.js's default CPU recipe makes it ({@code _quantized}). */
    Q8("q8", "_quantized"),
    /** Dynamic 8-bit quantization with signed weights. */
    INT8("int8", "_int8"),
    /** Dynamic 8-bit quantization with unsigned weights. */
    UINT8("uint8", "_uint8"),
    /** 4-bit weights (MatMulNBits, block size 32), fp32 activations. */
    Q4("q4", "_q4"),
    /** 4-bit weights on an fp16 model. */
    Q4F16("q4f16", "_q4f16"),
    /** 4-bit bitsandbytes-style weights (MatMulBnb4). */
    BNB4("bnb4", "_bnb4");

    private final String label;
    private final String suffix;

    ModelDtype(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    /** Returns the name used in options and by transformers.js, e.g. "int8". */
    public String label() {
        return label;
    }

    /** Returns the file-name suffix, e.g. "_int8"; empty for fp32. */
    public String suffix() {
        return suffix;
    }

    /**
     * Returns the file name of a submodel in this format.
     *
     * @param submodel the Optimum base name, e.g. "encoder_model"
     * @return e.g. "encoder_model_int8.onnx"
     */
    public String fileName(String submodel) {
        return submodel + suffix + ".onnx";
    }

    /**
     * Parses a label such as "fp16" or "q8" (case-insensitive).
     *
     * @param label the label
     * @return the format
     * @throws IllegalArgumentException naming the valid labels when there is no such format
     */
    public static ModelDtype fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
            .filter(dtype -> dtype.label.equals(wanted))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown model dtype '" + label + "', expected one of "
                + Arrays.stream(values()).map(ModelDtype::label).collect(Collectors.joining(", ", "[", "]"))));
    }

    @Override
    public String toString() {
        return label;
    }
}
