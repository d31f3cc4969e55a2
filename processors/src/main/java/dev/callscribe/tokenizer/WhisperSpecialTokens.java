package dev.callscribe.tokenizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ids of Whisper's control tokens, looked up by their text in {@code tokenizer.json} (never by number: they
 * shift between the English-only, multilingual and large-v3 vocabularies).
 *
 * @param endOfText         {@code <|endoftext|>}: end of a transcript, also padding
 * @param startOfTranscript {@code <|startoftranscript|>}: first token of every prompt
 * @param translate         {@code <|translate|>}
 * @param transcribe        {@code <|transcribe|>}
 * @param startOfLm         {@code <|startoflm|>}
 * @param startOfPrev       {@code <|startofprev|>}: introduces a text prompt (previous text)
 * @param noSpeech          {@code <|nospeech|>} ({@code <|nocaptions|>} in older vocabularies): its probability at
 *                          the start-of-transcript position is the no-speech signal
 * @param noTimestamps      {@code <|notimestamps|>}: asks for text without timestamp tokens
 * @param languages         language code ("en", "yue") to the id of its token ({@code <|en|>}), in id order; English
 *                          vocabularies also list them although their models do not use them
 */
public record WhisperSpecialTokens(
    int endOfText,
    int startOfTranscript,
    int translate,
    int transcribe,
    int startOfLm,
    int startOfPrev,
    int noSpeech,
    int noTimestamps,
    Map<String, Integer> languages) {

    /** Copies the language map, keeping its id order. */
    public WhisperSpecialTokens {
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    }

    /**
     * Returns the first timestamp id ({@code <|0.00|>}), the one right after {@code <|notimestamps|>}. Every id
     * from here on is a timestamp, whether or not the tokenizer file lists it.
     */
    public int timestampBegin() {
        return noTimestamps + 1;
    }

    /**
     * Returns the id of a language's token.
     *
     * @param code a language code as Whisper writes it, e.g. "en", "de", "haw"
     * @return the id of {@code <|code|>}, or empty where the vocabulary has no such token
     */
    public OptionalInt language(String code) {
        Integer id = languages.get(code);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }
}
