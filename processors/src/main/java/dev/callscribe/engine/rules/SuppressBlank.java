package dev.callscribe.engine.rules;

/**
 * At the first sampled position, forbid the model's {@code begin_suppress_tokens} (a blank space and end-of-text),
 * so a window does not start with a space or end before saying anything.
 */
public final class SuppressBlank implements LogitRule {

    private final SuppressTokens atFirstStep;

    /** @param ids the ids to forbid at the first step; ids outside the vocabulary are ignored */
    public SuppressBlank(int[] ids) {
        this.atFirstStep = new SuppressTokens(ids);
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        if (sampled.length == 0) {
            atFirstStep.apply(logits, sampled);
        }
    }

    @Override
    public String toString() {
        return "SuppressBlank(" + atFirstStep + ")";
    }
}
