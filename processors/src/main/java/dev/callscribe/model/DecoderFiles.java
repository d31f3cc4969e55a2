package dev.callscribe.model;

import java.util.List;
import java.util.Objects;

/**
 * The decoder of an Optimum export: either one merged file or the pair of first-step and with-past files.
 * Engines tell the two apart with {@code instanceof}.
 */
public sealed interface DecoderFiles permits DecoderFiles.Merged, DecoderFiles.Split {

    /** Returns every ONNX file of the decoder. */
    List<OnnxFile> onnxFiles();

    /**
     * {@code decoder_model_merged.onnx}: both branches in one graph, chosen per step by the {@code use_cache_branch}
     * input; the first step takes zero-length past tensors.
     *
     * @param merged the merged decoder
     */
    record Merged(OnnxFile merged) implements DecoderFiles {

        /** Checks for null. */
        public Merged {
            Objects.requireNonNull(merged, "merged");
        }

        @Override
        public List<OnnxFile> onnxFiles() {
            return List.of(merged);
        }
    }

    /**
     * {@code decoder_model.onnx} for the first step (computes the cross-attention keys and values) and
     * {@code decoder_with_past_model.onnx} for every later step.
     *
     * @param firstStep the decoder without past inputs
     * @param withPast  the decoder with past inputs
     */
    record Split(OnnxFile firstStep, OnnxFile withPast) implements DecoderFiles {

        /** Checks for nulls. */
        public Split {
            Objects.requireNonNull(firstStep, "firstStep");
            Objects.requireNonNull(withPast, "withPast");
        }

        @Override
        public List<OnnxFile> onnxFiles() {
            return List.of(firstStep, withPast);
        }
    }
}
