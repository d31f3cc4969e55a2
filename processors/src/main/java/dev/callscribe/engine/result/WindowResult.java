package dev.callscribe.engine.result;

import dev.callscribe.engine.quality.QualitySignals;
import java.util.List;

/**
 * What the engine made of one window: like openai/whisper's {@code DecodingResult}, it says how it was made.
 *
 * @param tokens the chosen tokens in order, timestamps included, prompt and end-of-text excluded
 * @param text the text tokens decoded; empty when the window is silence
 * @param segments segments from the timestamp tokens (one segment over the whole window without timestamps)
 * @param language the language code decoded with (given or detected); null for English-only models
 * @param signals average log-probability, no-speech probability, compression ratio of the accepted decode
 * @param temperature the temperature of the accepted decode; above 0 means the fallback re-decoded the window
 * @param silence whether the window was judged to hold no speech (its text and segments are then empty)
 * @param decodeSteps decoder steps run for this window across all its attempts
 * @param timings the batch's timings
 */
public record WindowResult(
        List<DecodedToken> tokens,
        String text,
        List<Segment> segments,
        String language,
        QualitySignals signals,
        double temperature,
        boolean silence,
        int decodeSteps,
        BatchTimings timings) {

    public WindowResult {
        tokens = List.copyOf(tokens);
        segments = List.copyOf(segments);
    }

    /** The token ids alone. */
    public List<Integer> tokenIds() {
        return tokens.stream().map(DecodedToken::id).toList();
    }
}
