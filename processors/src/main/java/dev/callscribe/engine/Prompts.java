package dev.callscribe.engine;

import dev.callscribe.model.GenerationConfig;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.tokenizer.WhisperSpecialTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the decoder prompt from the model's own token ids (openai/whisper's {@code _get_initial_tokens}):
 * {@code [<|startofprev|> previous-text...] <|startoftranscript|> [<|lang|> <|task|>] [<|notimestamps|>]}; the
 * language and task tokens only for multilingual models.
 */
final class Prompts {

    /**
     * A prompt and where its start-of-transcript token is (the position whose logits give the no-speech probability).
     */
    record Prompt(long[] tokens, int startOfTranscriptIndex) {
    }

    private final WhisperModel model;

    Prompts(WhisperModel model) {
        this.model = model;
    }

    Prompt build(String language, DecodingOptions options) {
        WhisperSpecialTokens special = model.specialTokens();
        List<Long> tokens = new ArrayList<>(previousText(options.initialPrompt()));
        int sotIndex = tokens.size();
        tokens.add((long) special.startOfTranscript());
        if (model.generation().multilingual()) {
            tokens.add((long) languageToken(language));
            tokens.add((long) taskToken(options.task()));
        } else if (DecodingOptions.TRANSLATE.equals(options.task())) {
            throw new IllegalArgumentException("Model " + model.id() + " is English-only and cannot translate");
        }
        if (!options.timestamps()) {
            tokens.add((long) special.noTimestamps());
        }
        return new Prompt(tokens.stream().mapToLong(Long::longValue).toArray(), sotIndex);
    }

    /** The text prompt after {@code <|startofprev|>}, at most half the decoder context (as OpenAI caps it). */
    private List<Long> previousText(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return List.of();
        }
        int[] ids = model.tokenizer().encode(" " + prompt.strip());
        int keep = Math.min(ids.length, model.config().maxTargetPositions() / 2 - 1);
        List<Long> tokens = new ArrayList<>();
        tokens.add((long) model.specialTokens().startOfPrev());
        Arrays.stream(ids, ids.length - keep, ids.length).forEach(id -> tokens.add((long) id));
        return tokens;
    }

    private int languageToken(String language) {
        GenerationConfig generation = model.generation();
        return generation.languageTokenId(language).orElseThrow(() -> new IllegalArgumentException(
                "Model " + model.id() + " has no language '" + language + "'; it knows "
                        + generation.langToId().keySet()));
    }

    private int taskToken(String task) {
        GenerationConfig generation = model.generation();
        return generation.taskTokenId(task).orElseThrow(() -> new IllegalArgumentException(
                "Model " + model.id() + " has no task '" + task + "'; it knows " + generation.taskToId().keySet()));
    }
}
