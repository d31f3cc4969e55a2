package dev.callscribe.engine.rules;

import java.util.Arrays;

/** Never emit these tokens: the model's {@code suppress_tokens} (non-speech symbols and control tokens). */
public final class SuppressTokens implements LogitRule {

    private final int[] ids;

    /** @param ids vocabulary ids to suppress at every step; ids outside the vocabulary are ignored */
    public SuppressTokens(int[] ids) {
        this.ids = ids.clone();
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        for (int id : ids) {
            if (id >= 0 && id < logits.length) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public String toString() {
        return "SuppressTokens" + Arrays.toString(ids);
    }
}
