package dev.callscribe.model;

import java.util.Locale;
import java.util.Map;

/**
 * The long-form window length each model was tuned for: Distil-Whisper's model cards recommend 15 s for
 * distil-large-v2, distil-medium.en and distil-small.en (trained on short segments) and 25 s for distil-large-v3;
 * Whisper itself works on 30 s windows.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChunkLengthRecommendation {

    /** Whisper's own window, for every model without a recommendation of its own. */
    public static final double DEFAULT_SECONDS = 30.0;

    /** Name fragments, matched case-insensitively; distil-large-v3 variants such as v3.5 match its entry. */
    private static final Map<String, Double> SECONDS_BY_NAME = Map.of(
        "distil-large-v2", 15.0,
        "distil-medium.en", 15.0,
        "distil-small.en", 15.0,
        "distil-large-v3", 25.0);

    private ChunkLengthRecommendation() {
    }

    /**
     * Returns the recommended chunk length for the first name that is a known model.
     *
     * @param names what the model is called, most specific first: a repository id
     *              ("onnx-community/distil-small.en"), a folder name, config.json's {@code _name_or_path}; null
     *              entries are skipped
     * @return seconds; {@value #DEFAULT_SECONDS} when no name is known
     */
    public static double forModel(String... names) {
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Double> entry : SECONDS_BY_NAME.entrySet()) {
                if (lower.contains(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return DEFAULT_SECONDS;
    }
}
