package dev.callscribe.engine;

import dev.callscribe.engine.rules.LogitRule;
import dev.callscribe.engine.rules.Rules;
import dev.callscribe.engine.rules.SuppressBlank;
import dev.callscribe.engine.rules.SuppressTimestamps;
import dev.callscribe.engine.rules.SuppressTokens;
import dev.callscribe.engine.rules.TimestampRules;
import dev.callscribe.model.GenerationConfig;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.tokenizer.WhisperSpecialTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Assembles the logit rules once per decode from the model's generation config and the decoding options. */
final class DecodingRules {

    /** openai/whisper's default: the first timestamp is at most 1.00 s (50 steps of 0.02 s). */
    static final int DEFAULT_MAX_INITIAL_TIMESTAMP_INDEX = 50;

    private DecodingRules() {
    }

    static LogitRule forModel(WhisperModel model, DecodingOptions options) {
        GenerationConfig generation = model.generation();
        WhisperSpecialTokens special = model.specialTokens();
        List<LogitRule> rules = new ArrayList<>();
        if (options.suppressBlank()) {
            rules.add(new SuppressBlank(toArray(generation.beginSuppressTokens())));
        }
        rules.add(new SuppressTokens(suppressed(generation, special)));
        if (options.timestamps()) {
            rules.add(new TimestampRules(special.endOfText(), special.noTimestamps(),
                    generation.maxInitialTimestampIndex().orElse(DEFAULT_MAX_INITIAL_TIMESTAMP_INDEX)));
        } else {
            rules.add(new SuppressTimestamps(special.timestampBegin()));
        }
        return new Rules(rules);
    }

    /** The model's {@code suppress_tokens} plus the control tokens, as openai/whisper suppresses them. */
    private static int[] suppressed(GenerationConfig generation, WhisperSpecialTokens special) {
        IntStream control = IntStream.of(special.transcribe(), special.translate(), special.startOfTranscript(),
                special.startOfPrev(), special.startOfLm(), special.noSpeech());
        return IntStream.concat(generation.suppressTokens().stream().mapToInt(Integer::intValue), control)
                .filter(id -> id >= 0).distinct().toArray();
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
