package dev.callscribe.engine.rules;

import java.util.Arrays;

/**
 * At the first sampled position, forbid the model's {@code begin_suppress_tokens} (a blank space and end-of-text),
 * so a window does not start with a space or end before saying anything.
 */
public final class SuppressBlank implements LogitRule {

    private final int[] ids;

    /** @param ids the ids to forbid at the first step; ids outside the vocabulary are ignored */
    public SuppressBlank(int[] ids) {
        this.ids = ids.clone();
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        if (sampled.length > 0) {
            return;
        }
        for (int id : ids) {
            if (id >= 0 && id < logits.length) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public String toString() {
        return "SuppressBlank" + Arrays.toString(ids);
    }
}
