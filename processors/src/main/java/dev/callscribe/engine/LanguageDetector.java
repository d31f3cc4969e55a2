package dev.callscribe.engine;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detects each window's language as openai/whisper does: one decoder step on {@code <|startoftranscript|>} alone,
 * then the most likely language token.
 */
final class LanguageDetector {

    private final Map<String, Integer> languages;
    private final int startOfTranscript;

    /** @param languages language token text (such as {@code <|en|>}) to id, from the model's {@code lang_to_id} */
    LanguageDetector(Map<String, Integer> languages, int startOfTranscript) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("The model lists no languages (lang_to_id), so none can be detected;"
                    + " give the language instead");
        }
        this.languages = new TreeMap<>(languages); // sorted, so ties resolve the same way every run
        this.startOfTranscript = startOfTranscript;
    }

    /** The language code of each row of the session's batch (for example {@code en}). */
    List<String> detect(DecodeSession session, int batch) throws OrtException {
        long[][] prompt = new long[batch][];
        for (int row = 0; row < batch; row++) {
            prompt[row] = new long[] {startOfTranscript};
        }
        Logits logits = session.prefill(prompt);
        List<String> detected = new ArrayList<>();
        for (int row = 0; row < batch; row++) {
            detected.add(mostLikely(logits.row(row, 0)));
        }
        return detected;
    }

    private String mostLikely(float[] logits) {
        String best = null;
        float bestLogit = Float.NEGATIVE_INFINITY;
        for (Map.Entry<String, Integer> language : languages.entrySet()) {
            if (best == null || logits[language.getValue()] > bestLogit) {
                best = language.getKey();
                bestLogit = logits[language.getValue()];
            }
        }
        return best.substring(2, best.length() - 2);
    }
}
