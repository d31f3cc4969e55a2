package dev.callscribe.engine;

import dev.callscribe.engine.quality.FallbackPolicy;
import java.util.List;

/**
 * How windows are decoded; immutable, with openai/whisper's defaults unless noted. Change one field with a
 * {@code withX} copy.
 *
 * @param task {@code transcribe} or {@code translate} (multilingual models only)
 * @param language a Whisper language code such as {@code en}; null detects it per window (multilingual models;
 *     English-only models ignore it)
 * @param timestamps whether to predict timestamp tokens (segments with start and end); default true
 * @param maxNewTokens token budget per window, prompt excluded; default 224 (half the decoder context, as OpenAI)
 * @param temperatures the fallback ladder: the first is tried first, the next only for windows that fail the
 *     fallback policy; default 0.0, 0.2, 0.4, 0.6, 0.8, 1.0
 * @param fallback when a decode is re-tried and when a window counts as silence
 * @param initialPrompt text given to the model as previous context after {@code <|startofprev|>}; null for none
 * @param suppressBlank whether the first token may not be a blank or end-of-text; default true
 * @param seed seed of the sampler used at temperatures above 0, so runs repeat; each window samples from its own
 *     generator seeded with it, so a window decodes the same alone or in a batch
 */
public record DecodingOptions(
        String task,
        String language,
        boolean timestamps,
        int maxNewTokens,
        List<Double> temperatures,
        FallbackPolicy fallback,
        String initialPrompt,
        boolean suppressBlank,
        long seed) {

    public static final String TRANSCRIBE = "transcribe";
    public static final String TRANSLATE = "translate";

    public DecodingOptions {
        temperatures = List.copyOf(temperatures);
        if (!TRANSCRIBE.equals(task) && !TRANSLATE.equals(task)) {
            throw new IllegalArgumentException("task must be transcribe or translate, got " + task);
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, got " + maxNewTokens);
        }
        if (temperatures.isEmpty() || temperatures.stream().anyMatch(t -> !(t >= 0))) {
            throw new IllegalArgumentException("temperatures must be a non-empty list of values >= 0, got "
                    + temperatures);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("fallback policy must be given");
        }
    }

    /** openai/whisper's transcribe defaults, greedy at temperature 0 first. */
    public static DecodingOptions defaults() {
        return new DecodingOptions(TRANSCRIBE, null, true, 224, List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
                FallbackPolicy.defaults(), null, true, 0L);
    }

    public DecodingOptions withLanguage(String newLanguage) {
        return new DecodingOptions(task, newLanguage, timestamps, maxNewTokens, temperatures, fallback,
                initialPrompt, suppressBlank, seed);
    }

    public DecodingOptions withTask(String newTask) {
        return new DecodingOptions(newTask, language, timestamps, maxNewTokens, temperatures, fallback,
                initialPrompt, suppressBlank, seed);
    }

    public DecodingOptions withTimestamps(boolean predictTimestamps) {
        return new DecodingOptions(task, language, predictTimestamps, maxNewTokens, temperatures, fallback,
                initialPrompt, suppressBlank, seed);
    }

    public DecodingOptions withMaxNewTokens(int budget) {
        return new DecodingOptions(task, language, timestamps, budget, temperatures, fallback, initialPrompt,
                suppressBlank, seed);
    }

    public DecodingOptions withTemperatures(List<Double> ladder) {
        return new DecodingOptions(task, language, timestamps, maxNewTokens, ladder, fallback, initialPrompt,
                suppressBlank, seed);
    }

    public DecodingOptions withFallback(FallbackPolicy policy) {
        return new DecodingOptions(task, language, timestamps, maxNewTokens, temperatures, policy, initialPrompt,
                suppressBlank, seed);
    }

    public DecodingOptions withInitialPrompt(String prompt) {
        return new DecodingOptions(task, language, timestamps, maxNewTokens, temperatures, fallback, prompt,
                suppressBlank, seed);
    }

    public DecodingOptions withSeed(long newSeed) {
        return new DecodingOptions(task, language, timestamps, maxNewTokens, temperatures, fallback,
                initialPrompt, suppressBlank, newSeed);
    }
}
