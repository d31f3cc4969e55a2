package dev.callscribe.engine.result;

/**
 * A token the decoder chose.
 *
 * @param id vocabulary id (text or timestamp; the prompt and end-of-text are not included in results)
 * @param logProb its log-probability when chosen (natural log, after Whisper's logit rules)
 */
public record DecodedToken(int id, float logProb) {
}
