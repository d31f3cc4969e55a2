package dev.callscribe.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the encoder and decoder files of the chosen weight formats among a model's file names, in the Optimum
 * layout (files at the root) or the transformers.js layout (files under {@code onnx/}). It works on names only, so
 * the same rules pick files in a local folder and decide what to download from a repository.
 *
 * <p>Stateless and thread-safe.
 */
final class OnnxFileLocator {

    static final String ENCODER = "encoder_model";
    static final String MERGED_DECODER = "decoder_model_merged";
    static final String FIRST_STEP_DECODER = "decoder_model";
    static final String WITH_PAST_DECODER = "decoder_with_past_model";

    /** Where exports put their ONNX files: Optimum at the root, transformers.js under onnx/. */
    private static final List<String> FOLDERS = List.of("", "onnx/");
    private static final String EXTERNAL_DATA = "_data";

    private OnnxFileLocator() {
    }

    /**
     * Picks the ONNX files for the options.
     *
     * @param fileNames every file of the model, relative, '/'-separated (e.g. "onnx/encoder_model.onnx")
     * @param options   weight formats and decoder layout
     * @param where     the folder or repository, for error messages
     * @return the files, as paths relative to the model's root
     * @throws ModelFormatException listing what was looked for and what exists, when a file is missing
     */
    static ModelFiles locate(Collection<String> fileNames, ModelOptions options, String where) {
        Set<String> present = Set.copyOf(fileNames);
        OnnxFile encoder = find(ENCODER, options.encoderDtype(), present)
            .orElseThrow(() -> missing(ENCODER, options.encoderDtype(), present, where));
        return new ModelFiles(encoder, decoder(present, options, where));
    }

    private static DecoderFiles decoder(Set<String> present, ModelOptions options, String where) {
        ModelDtype dtype = options.decoderDtype();
        DecoderLayout layout = options.decoderLayout();
        Optional<OnnxFile> merged = find(MERGED_DECODER, dtype, present);
        if (merged.isPresent() && layout != DecoderLayout.SPLIT) {
            return new DecoderFiles.Merged(merged.get());
        }
        Optional<OnnxFile> firstStep = find(FIRST_STEP_DECODER, dtype, present);
        Optional<OnnxFile> withPast = find(WITH_PAST_DECODER, dtype, present);
        if (firstStep.isPresent() && withPast.isPresent() && layout != DecoderLayout.MERGED) {
            return new DecoderFiles.Split(firstStep.get(), withPast.get());
        }
        throw missingDecoder(dtype, layout, present, where);
    }

    private static Optional<OnnxFile> find(String submodel, ModelDtype dtype, Set<String> present) {
        return FOLDERS.stream()
            .map(folder -> folder + dtype.fileName(submodel))
            .filter(present::contains)
            .findFirst()
            .map(name -> new OnnxFile(Path.of(name), externalData(name, present)));
    }

    private static List<Path> externalData(String modelName, Set<String> present) {
        String single = modelName + EXTERNAL_DATA;
        return present.stream()
            .filter(name -> name.equals(single) || name.startsWith(single + "_"))
            .sorted()
            .map(Path::of)
            .toList();
    }

    private static ModelFormatException missing(String submodel, ModelDtype dtype, Set<String> present,
                                                String where) {
        return new ModelFormatException("No " + submodel + " in format " + dtype + " in " + where
            + ": looked for " + candidates(submodel, dtype) + "; formats present for " + submodel + ": "
            + formatsPresent(submodel, present) + "; ONNX files present: " + onnxFiles(present));
    }

    private static ModelFormatException missingDecoder(ModelDtype dtype, DecoderLayout layout, Set<String> present,
                                                       String where) {
        String mergedNames = candidates(MERGED_DECODER, dtype);
        String splitNames = candidates(FIRST_STEP_DECODER, dtype) + " together with "
            + candidates(WITH_PAST_DECODER, dtype);
        String lookedFor = switch (layout) {
            case MERGED -> mergedNames;
            case SPLIT -> splitNames;
            default -> mergedNames + ", or " + splitNames;
        };
        return new ModelFormatException("No decoder in format " + dtype + " (layout " + layout + ") in " + where
            + ": looked for " + lookedFor
            + "; formats present for " + MERGED_DECODER + ": " + formatsPresent(MERGED_DECODER, present)
            + ", for " + FIRST_STEP_DECODER + ": " + formatsPresent(FIRST_STEP_DECODER, present)
            + "; ONNX files present: " + onnxFiles(present));
    }

    private static String candidates(String submodel, ModelDtype dtype) {
        return FOLDERS.stream().map(folder -> folder + dtype.fileName(submodel))
            .collect(Collectors.joining(" or "));
    }

    private static String formatsPresent(String submodel, Set<String> present) {
        return Arrays.stream(ModelDtype.values())
            .filter(dtype -> find(submodel, dtype, present).isPresent())
            .map(ModelDtype::label)
            .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String onnxFiles(Set<String> present) {
        return present.stream().filter(name -> name.endsWith(".onnx"))
            .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
