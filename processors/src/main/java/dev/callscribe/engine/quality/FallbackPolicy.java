package dev.callscribe.engine.quality;

/**
 * OpenAI transcribe's two decisions on a decoded window, kept out of the decoding loop so they can be tested alone.
 *
 * @param compressionRatioThreshold above it the text is too repetitive (OpenAI: 2.4); NaN disables the check
 * @param logProbThreshold below it the decode is too unsure (OpenAI: -1.0); NaN disables the check
 * @param noSpeechThreshold above it, with a low log-probability, the window is silence (OpenAI: 0.6); NaN disables
 */
public record FallbackPolicy(double compressionRatioThreshold, double logProbThreshold, double noSpeechThreshold) {

    /** OpenAI's defaults. */
    public static FallbackPolicy defaults() {
        return new FallbackPolicy(2.4, -1.0, 0.6);
    }

    /**
     * Whether to decode the window again at the next temperature: the text repeats itself or the model was unsure,
     * unless the window is silence (then a low log-probability is expected and re-decoding would not help).
     */
    public boolean needsFallback(QualitySignals signals) {
        boolean tooRepetitive = signals.compressionRatio() > compressionRatioThreshold;
        boolean tooUnsure = signals.avgLogProb() < logProbThreshold;
        boolean silentAndUnsure = signals.noSpeechProb() > noSpeechThreshold && tooUnsure;
        return (tooRepetitive || tooUnsure) && !silentAndUnsure;
    }

    /**
     * Whether the window holds no speech: {@code <|nospeech|>} was likely and the decode did not contradict it with
     * a confident text. Silent windows' text is dropped.
     */
    public boolean isSilence(QualitySignals signals) {
        boolean likelySilent = signals.noSpeechProb() > noSpeechThreshold;
        boolean confidentText = signals.avgLogProb() > logProbThreshold;
        return likelySilent && !confidentText;
    }
}
