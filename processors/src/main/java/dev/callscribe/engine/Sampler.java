package dev.callscribe.engine;

import dev.callscribe.engine.rules.LogProbs;
import java.util.Random;

/**
 * Chooses the next token of one row: the most likely one at temperature 0 (greedy), else a draw from the softmax of
 * the logits divided by the temperature. Each row has its own generator, so a row draws the same tokens whatever
 * batch it is decoded in.
 */
final class Sampler {

    private final double temperature;
    private final Random random;

    Sampler(double temperature, long seed) {
        this.temperature = temperature;
        this.random = new Random(seed);
    }

    int choose(float[] logits) {
        if (temperature == 0) {
            return LogProbs.argmax(logits);
        }
        double max = LogProbs.max(logits, 0, logits.length);
        double[] cumulative = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total += Math.exp((logits[i] - max) / temperature);
            cumulative[i] = total;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < logits.length; i++) {
            if (draw < cumulative[i]) {
                return i;
            }
        }
        return LogProbs.argmax(logits);
    }
}
