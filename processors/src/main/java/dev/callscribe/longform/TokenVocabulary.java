package dev.callscribe.longform;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The model facts the merge needs about token ids, read by the caller from the model folder.
 *
 * <p>Every id at or above {@code timestampBegin} is a timestamp, whatever the tokenizer calls it (older
 * tokenizers lack the timestamp tokens; Hugging Face's mark them non-special). Of the other ids, those
 * {@code special} accepts (end-of-text, start-of-transcript, language, task, no-speech, no-timestamps) are skipped,
 * and the rest are text.
 *
 * @param timestampBegin id of {@code <|0.00|>}, {@code no_timestamps_token_id + 1} in generation_config.json
 *                       (50364 for the multilingual v1/v2 vocabulary, 50365 for large-v3)
 * @param secondsPerTimestamp seconds per timestamp step, the encoder's time per position:
 *                            {@code chunk_length / max_source_positions} (30 / 1500 = 0.02 for Whisper)
 * @param special whether an id below {@code timestampBegin} is a special token; must be thread-safe if the merger
 *                is shared between threads
 */
public record TokenVocabulary(int timestampBegin, double secondsPerTimestamp, IntPredicate special) {

    /** Whisper's timestamp resolution: 30 s of audio over 1500 encoder positions. */
    public static final double WHISPER_SECONDS_PER_TIMESTAMP = 0.02;

    /** Checks the id, the step and the predicate. */
    public TokenVocabulary {
        if (timestampBegin <= 0) {
            throw new IllegalArgumentException("timestampBegin must be a positive token id; got " + timestampBegin);
        }
        if (!(secondsPerTimestamp > 0) || Double.isInfinite(secondsPerTimestamp)) {
            throw new IllegalArgumentException("secondsPerTimestamp must be a positive number of seconds; got "
                    + secondsPerTimestamp);
        }
        Objects.requireNonNull(special, "special");
    }

    /** Whisper's vocabulary facts with the usual 0.02 s per timestamp step. */
    public static TokenVocabulary whisper(int timestampBegin, IntPredicate special) {
        return new TokenVocabulary(timestampBegin, WHISPER_SECONDS_PER_TIMESTAMP, special);
    }

    /** Whether the id is a timestamp token. */
    public boolean isTimestamp(int tokenId) {
        return tokenId >= timestampBegin;
    }

    /** Whether the id is a special token other than a timestamp, which the merge skips. */
    public boolean isSpecial(int tokenId) {
        return !isTimestamp(tokenId) && special.test(tokenId);
    }

    /** Timestamp steps from {@code <|0.00|>} to this timestamp id. */
    public int steps(int timestampId) {
        return timestampId - timestampBegin;
    }
}
