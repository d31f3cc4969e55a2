package dev.callscribe.engine.rules;

/** Without timestamp prediction, timestamp tokens are never emitted, so the text is not broken by them. */
public final class SuppressTimestamps implements LogitRule {

    private final int timestampBegin;

    /** @param timestampBegin the id of {@code <|0.00|>}; it and every larger id are suppressed */
    public SuppressTimestamps(int timestampBegin) {
        this.timestampBegin = timestampBegin;
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        LogitRule.forbid(logits, timestampBegin, logits.length);
    }
}
