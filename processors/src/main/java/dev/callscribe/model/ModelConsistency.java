package dev.callscribe.model;

import dev.callscribe.tokenizer.WhisperTokenizer;
import java.nio.file.Path;

/**
 * Checks that a model's files agree with each other where a disagreement would silently corrupt transcripts:
 * timestamps decoded from the wrong id, features of the wrong height, token ids past the logits.
 */
final class ModelConsistency {

    private ModelConsistency() {
    }

    static void check(Path folder, WhisperConfig config, GenerationConfig generation, PreprocessorConfig preprocessor,
                      WhisperTokenizer tokenizer) {
        int noTimestamps = tokenizer.specialTokens().noTimestamps();
        if (generation.noTimestampsTokenId() != noTimestamps) {
            throw new ModelFormatException(folder + ": " + ModelFolder.GENERATION_CONFIG
                + " no_timestamps_token_id is " + generation.noTimestampsTokenId() + " but " + ModelFolder.TOKENIZER
                + " has <|notimestamps|> at " + noTimestamps + "; they must agree for timestamps to decode");
        }
        if (preprocessor.featureSize() != config.numMelBins()) {
            throw new ModelFormatException(folder + ": " + ModelFolder.PREPROCESSOR_CONFIG + " feature_size is "
                + preprocessor.featureSize() + " but " + ModelFolder.CONFIG + " num_mel_bins is "
                + config.numMelBins() + "; the encoder takes num_mel_bins rows");
        }
        if (tokenizer.vocabularySize() > config.vocabSize()) {
            throw new ModelFormatException(folder + ": " + ModelFolder.TOKENIZER + " has ids up to "
                + (tokenizer.vocabularySize() - 1) + " but " + ModelFolder.CONFIG + " vocab_size is "
                + config.vocabSize() + "; every token id must have a logit");
        }
    }
}
