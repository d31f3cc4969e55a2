package dev.callscribe.engine;

import dev.callscribe.engine.result.DecodedToken;
import java.util.List;

/**
 * The raw outcome of decoding one row at one temperature.
 *
 * @param tokens chosen tokens before end-of-text (timestamps included)
 * @param sumLogProb log-probabilities of the chosen tokens summed, end-of-text included
 * @param noSpeechProb probability of {@code <|nospeech|>} at the start-of-transcript position
 * @param steps decoder steps this row took part in
 */
record RowDecode(List<DecodedToken> tokens, double sumLogProb, double noSpeechProb, int steps) {

    RowDecode {
        tokens = List.copyOf(tokens);
    }

    List<Integer> tokenIds() {
        return tokens.stream().map(DecodedToken::id).toList();
    }
}
