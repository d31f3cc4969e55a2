package dev.callscribe.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class FallbackPolicyTest {

    private final FallbackPolicy policy = FallbackPolicy.defaults();

    @Test
    void shouldAcceptAConfidentNonRepetitiveDecode() {
        assertThat(policy.needsFallback(new QualitySignals(-0.3, 0.01, 1.4))).isFalse();
    }

    @Test
    void shouldFallBackOnRepetitiveText() {
        assertThat(policy.needsFallback(new QualitySignals(-0.2, 0.01, 3.1))).isTrue();
    }

    @Test
    void shouldFallBackOnALowAverageLogProbability() {
        assertThat(policy.needsFallback(new QualitySignals(-1.4, 0.2, 1.2))).isTrue();
    }

    @Test
    void shouldNotFallBackOnSilenceButCallItSilence() {
        QualitySignals silence = new QualitySignals(-1.4, 0.9, 0.5);

        assertThat(policy.needsFallback(silence)).isFalse();
        assertThat(policy.isSilence(silence)).isTrue();
    }

    @Test
    void shouldKeepConfidentTextEvenWhenNoSpeechIsLikely() {
        assertThat(policy.isSilence(new QualitySignals(-0.5, 0.9, 1.0))).isFalse();
    }

    @Test
    void shouldDisableChecksGivenNaNThresholds() {
        FallbackPolicy none = new FallbackPolicy(Double.NaN, Double.NaN, Double.NaN);

        assertThat(none.needsFallback(new QualitySignals(-9, 1, 99))).isFalse();
        assertThat(none.isSilence(new QualitySignals(-9, 1, 99))).isFalse();
    }

    @Test
    void shouldScoreRepetitionAsHighCompressionRatio() {
        String loop = "thank you ".repeat(40);
        String sentence = "The account balance was updated yesterday after the refund arrived.";

        assertThat(QualitySignals.compressionRatio(loop)).isGreaterThan(2.4);
        assertThat(QualitySignals.compressionRatio(sentence)).isLessThan(2.4);
        assertThat(QualitySignals.compressionRatio("")).isZero();
    }

    @Test
    void shouldAverageLogProbabilitiesOverTextTokensPlusOne() {
        assertThat(QualitySignals.averageLogProb(-3.0, 5)).isCloseTo(-0.5, offset(1e-12));
    }
}
