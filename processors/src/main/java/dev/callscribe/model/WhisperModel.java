package dev.callscribe.model;

import dev.callscribe.tokenizer.WhisperSpecialTokens;
import dev.callscribe.tokenizer.WhisperTokenizer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Whisper model ready for an engine to open: where its ONNX files are, its configuration and its tokenizer, all
 * read from its folder. Holds no native resources; the engine owns the sessions it builds from these files.
 *
 * @param id                 what the model is called: the repository id, or the folder's name
 * @param folder             the model's folder (for a downloaded model, its snapshot in the cache)
 * @param files              the encoder and decoder files, absolute, in the chosen formats
 * @param config             config.json
 * @param generation         generation_config.json, completed from config.json and the tokenizer
 * @param preprocessor       preprocessor_config.json, completed with the feature extractor's defaults
 * @param tokenizer          tokenizer.json
 * @param chunkLengthSeconds the long-form window length: the option if given, else the model's recommendation
 */
public record WhisperModel(
    String id,
    Path folder,
    ModelFiles files,
    WhisperConfig config,
    GenerationConfig generation,
    PreprocessorConfig preprocessor,
    WhisperTokenizer tokenizer,
    double chunkLengthSeconds) {

    /** Checks for nulls and a positive chunk length. */
    public WhisperModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(preprocessor, "preprocessor");
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (!(chunkLengthSeconds > 0)) {
            throw new IllegalArgumentException("chunkLengthSeconds must be positive, got " + chunkLengthSeconds);
        }
    }

    /** Returns the tokenizer's control tokens (start of transcript, end of text, no-speech, languages, ...). */
    public WhisperSpecialTokens specialTokens() {
        return tokenizer.specialTokens();
    }
}
