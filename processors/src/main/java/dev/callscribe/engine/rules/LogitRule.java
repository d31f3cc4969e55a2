package dev.callscribe.engine.rules;

/**
 * One of Whisper's rules on the next-token logits of one row, applied in place before the token is chosen
 * (openai/whisper's {@code LogitFilter}). Rules are pure: they see the logits and the tokens the row has sampled so
 * far, nothing else.
 */
@FunctionalInterface
public interface LogitRule {

    /**
     * Adjusts the logits of one row; forbidden tokens get {@link Float#NEGATIVE_INFINITY}.
     *
     * @param logits the row's next-token logits, one per vocabulary id; modified in place
     * @param sampled the tokens this row has sampled so far, prompt excluded (empty at the first step)
     */
    void apply(float[] logits, int[] sampled);

    /** Sets {@code logits[from, to)} to negative infinity, clipped to the array. */
    static void forbid(float[] logits, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(logits.length, to);
        for (int i = start; i < end; i++) {
            logits[i] = Float.NEGATIVE_INFINITY;
        }
    }
}
