package dev.callscribe.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionRulesTest {

    @Test
    void shouldSuppressTokensAtEveryStepIgnoringIdsOutsideTheVocabulary() {
        float[] logits = new float[8];

        new SuppressTokens(new int[] {1, 5, 99}).apply(logits, new int[] {3, 4});

        assertThat(logits).containsExactly(0, Float.NEGATIVE_INFINITY, 0, 0, 0, Float.NEGATIVE_INFINITY, 0, 0);
    }

    @Test
    void shouldSuppressBlankOnlyAtTheFirstStep() {
        SuppressBlank rule = new SuppressBlank(new int[] {2, 7});
        float[] first = new float[8];
        float[] later = new float[8];

        rule.apply(first, new int[0]);
        rule.apply(later, new int[] {4});

        assertThat(first[2]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(first[7]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(later).containsOnly(0f);
    }

    @Test
    void shouldApplyRulesInOrder() {
        float[] logits = new float[4];
        Rules rules = new Rules(List.of((l, s) -> l[0] = 5f, (l, s) -> l[0] *= 2));

        rules.apply(logits, new int[0]);

        assertThat(logits[0]).isEqualTo(10f);
    }

    @Test
    void shouldComputeStableLogProbabilities() {
        float[] logits = {1000f, 1000f, Float.NEGATIVE_INFINITY};

        assertThat(LogProbs.probabilityOf(logits, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LogProbs.logSumExp(logits, 2, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogProbs.argmax(new float[] {1, 3, 3, 2})).isEqualTo(1);
    }
}
