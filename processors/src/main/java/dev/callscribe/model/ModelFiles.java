package dev.callscribe.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ONNX files an engine opens: the encoder and the decoder, each in the chosen weight format.
 *
 * @param encoder the encoder ({@code encoder_model*.onnx})
 * @param decoder the decoder, merged or split
 */
public record ModelFiles(OnnxFile encoder, DecoderFiles decoder) {

    /** Checks for nulls. */
    public ModelFiles {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
    }

    /** Returns every file, models and external data, in the order encoder then decoder. */
    public List<Path> allPaths() {
        List<Path> paths = new ArrayList<>();
        List<OnnxFile> models = new ArrayList<>();
        models.add(encoder);
        models.addAll(decoder.onnxFiles());
        for (OnnxFile model : models) {
            paths.add(model.path());
            paths.addAll(model.externalData());
        }
        return paths;
    }

    /** Returns these files with every path resolved against {@code folder}. */
    ModelFiles resolveAgainst(Path folder) {
        DecoderFiles resolved;
        if (decoder instanceof DecoderFiles.Merged merged) {
            resolved = new DecoderFiles.Merged(merged.merged().resolveAgainst(folder));
        } else {
            DecoderFiles.Split split = (DecoderFiles.Split) decoder;
            resolved = new DecoderFiles.Split(split.firstStep().resolveAgainst(folder),
                split.withPast().resolveAgainst(folder));
        }
        return new ModelFiles(encoder.resolveAgainst(folder), resolved);
    }
}
