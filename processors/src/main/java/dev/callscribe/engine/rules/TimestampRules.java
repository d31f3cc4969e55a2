package dev.callscribe.engine.rules;

/**
 * Whisper's timestamp rules (openai/whisper {@code ApplyTimestampRules}; Hugging Face's
 * {@code WhisperTimeStampLogitsProcessor} is a port):
 * <ol>
 *   <li>{@code <|notimestamps|>} is never emitted;</li>
 *   <li>timestamps come in pairs: after a lone timestamp only a timestamp or end-of-text may follow; after a pair,
 *       text or end-of-text;</li>
 *   <li>timestamps never decrease, and a segment has a non-zero length;</li>
 *   <li>the first token is a timestamp no later than {@code maxInitialTimestampIndex} steps (0.02 s each);</li>
 *   <li>when the timestamps together are more probable than any single text token, a timestamp is emitted.</li>
 * </ol>
 */
public final class TimestampRules implements LogitRule {

    private final int endOfText;
    private final int noTimestamps;
    private final int timestampBegin;
    private final int maxInitialTimestampIndex;

    /**
     * @param endOfText the {@code <|endoftext|>} id
     * @param noTimestamps the {@code <|notimestamps|>} id; timestamps are the ids after it
     * @param maxInitialTimestampIndex latest first timestamp, in 0.02 s steps (50 means 1.00 s); negative for none
     */
    public TimestampRules(int endOfText, int noTimestamps, int maxInitialTimestampIndex) {
        this.endOfText = endOfText;
        this.noTimestamps = noTimestamps;
        this.timestampBegin = noTimestamps + 1;
        this.maxInitialTimestampIndex = maxInitialTimestampIndex;
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        logits[noTimestamps] = Float.NEGATIVE_INFINITY;
        keepPairsAndOrder(logits, sampled);
        if (sampled.length == 0) {
            startWithATimestamp(logits);
        }
        preferTimestampsWhenTheyDominate(logits);
    }

    private void keepPairsAndOrder(float[] logits, int[] sampled) {
        int n = sampled.length;
        boolean lastWasTimestamp = n >= 1 && isTimestamp(sampled[n - 1]);
        boolean penultimateWasTimestamp = n < 2 || isTimestamp(sampled[n - 2]);
        if (lastWasTimestamp) {
            if (penultimateWasTimestamp) {
                LogitRule.forbid(logits, timestampBegin, logits.length);
            } else {
                LogitRule.forbid(logits, 0, endOfText);
            }
        }
        int lastTimestamp = lastTimestamp(sampled);
        if (lastTimestamp >= 0) {
            boolean segmentOpen = lastWasTimestamp && !penultimateWasTimestamp;
            LogitRule.forbid(logits, timestampBegin, segmentOpen ? lastTimestamp : lastTimestamp + 1);
        }
    }

    private void startWithATimestamp(float[] logits) {
        LogitRule.forbid(logits, 0, timestampBegin);
        if (maxInitialTimestampIndex >= 0) {
            LogitRule.forbid(logits, timestampBegin + maxInitialTimestampIndex + 1, logits.length);
        }
    }

    private void preferTimestampsWhenTheyDominate(float[] logits) {
        double logNormalizer = LogProbs.logSumExp(logits, 0, logits.length);
        double timestampMass = LogProbs.logSumExp(logits, timestampBegin, logits.length) - logNormalizer;
        double bestText = LogProbs.max(logits, 0, timestampBegin) - logNormalizer;
        if (timestampMass > bestText) {
            LogitRule.forbid(logits, 0, timestampBegin);
        }
    }

    private int lastTimestamp(int[] sampled) {
        for (int i = sampled.length - 1; i >= 0; i--) {
            if (isTimestamp(sampled[i])) {
                return sampled[i];
            }
        }
        return -1;
    }

    private boolean isTimestamp(int token) {
        return token >= timestampBegin;
    }
}
