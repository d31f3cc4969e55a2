package dev.callscribe.engine.rules;

/** Numerically stable log-softmax arithmetic over ranges of a logits row; negative infinity means impossible. */
public final class LogProbs {

    private LogProbs() {
    }

    /** {@code log(sum(exp(x[from, to))))}; negative infinity for an empty or all-impossible range. */
    public static double logSumExp(float[] x, int from, int to) {
        double max = max(x, from, to);
        if (max == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }

    /** The largest of {@code x[from, to)}; negative infinity for an empty range. */
    public static double max(float[] x, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, x[i]);
        }
        return max;
    }

    /** The log-probability of {@code token} under the softmax of the whole row. */
    public static double logProbOf(float[] logits, int token) {
        return logits[token] - logSumExp(logits, 0, logits.length);
    }

    /** The probability of {@code token} under the softmax of the whole row. */
    public static double probabilityOf(float[] logits, int token) {
        return Math.exp(logProbOf(logits, token));
    }

    /** The index of the largest logit; the lowest index on ties, like {@code argmax}. */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
