package dev.callscribe.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How to load a model: which weight formats, which decoder files, which revision of a Hugging Face repository, and
 * an optional chunk length that replaces the model's recommended one.
 *
 * @param encoderDtype       weight format of the encoder file
 * @param decoderDtype       weight format of the decoder file(s)
 * @param decoderLayout      merged or split decoder
 * @param revision           branch, tag or commit of a Hugging Face repository; ignored for local folders
 * @param chunkLengthSeconds long-form window length in seconds; empty to use the model's recommendation
 */
public record ModelOptions(
    ModelDtype encoderDtype,
    ModelDtype decoderDtype,
    DecoderLayout decoderLayout,
    String revision,
    OptionalDouble chunkLengthSeconds) {

    /** The branch Hugging Face repositories publish on. */
    public static final String DEFAULT_REVISION = "main";

    /** Checks every rule; each message says which option is wrong and why. */
    public ModelOptions {
        Objects.requireNonNull(encoderDtype, "encoderDtype");
        Objects.requireNonNull(decoderDtype, "decoderDtype");
        Objects.requireNonNull(decoderLayout, "decoderLayout");
        Objects.requireNonNull(chunkLengthSeconds, "chunkLengthSeconds");
        if (revision == null || revision.isBlank()) {
            throw new IllegalArgumentException("revision must name a branch, tag or commit, got '" + revision + "'");
        }
        if (chunkLengthSeconds.isPresent() && !(chunkLengthSeconds.getAsDouble() > 0)) {
            throw new IllegalArgumentException("chunkLengthSeconds must be positive, got "
                + chunkLengthSeconds.getAsDouble());
        }
    }

    /** fp32 encoder and decoder, the merged decoder where present, revision "main", the model's chunk length. */
    public static ModelOptions defaults() {
        return new ModelOptions(ModelDtype.FP32, ModelDtype.FP32, DecoderLayout.PREFER_MERGED, DEFAULT_REVISION,
            OptionalDouble.empty());
    }

    /** Returns a copy with the encoder in another weight format. */
    public ModelOptions withEncoderDtype(ModelDtype dtype) {
        return new ModelOptions(dtype, decoderDtype, decoderLayout, revision, chunkLengthSeconds);
    }

    /** Returns a copy with the decoder in another weight format. */
    public ModelOptions withDecoderDtype(ModelDtype dtype) {
        return new ModelOptions(encoderDtype, dtype, decoderLayout, revision, chunkLengthSeconds);
    }

    /** Returns a copy with another decoder layout. */
    public ModelOptions withDecoderLayout(DecoderLayout layout) {
        return new ModelOptions(encoderDtype, decoderDtype, layout, revision, chunkLengthSeconds);
    }

    /** Returns a copy that loads another revision of a repository. */
    public ModelOptions withRevision(String newRevision) {
        return new ModelOptions(encoderDtype, decoderDtype, decoderLayout, newRevision, chunkLengthSeconds);
    }

    /** Returns a copy whose chunk length replaces the model's recommendation. */
    public ModelOptions withChunkLengthSeconds(double seconds) {
        return new ModelOptions(encoderDtype, decoderDtype, decoderLayout, revision, OptionalDouble.of(seconds));
    }
}
