package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.engine.result.DecodedToken;
import java.util.List;
import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.Test;

/** Each segment's confidence from the log-probabilities of its own text tokens. */
class SegmentConfidenceTest {

    private static final int TIMESTAMP_BEGIN = 1_000;
    private static final DoubleComparator CLOSE = new DoubleComparator(1e-6);

    @Test
    void shouldAverageTheTextTokensBetweenTimestamps() {
        List<DecodedToken> tokens = List.of(stamp(50), text(-0.2f), text(-0.4f), stamp(100), stamp(150),
                text(-1.0f), stamp(200));

        assertThat(SegmentConfidence.averageLogProbs(tokens, TIMESTAMP_BEGIN, 2))
                .usingElementComparator(CLOSE).containsExactly(-0.3, -1.0);
    }

    @Test
    void shouldTreatTextWithoutTimestampsAsOneSegment() {
        List<DecodedToken> tokens = List.of(text(-0.5f), text(-0.1f));

        assertThat(SegmentConfidence.averageLogProbs(tokens, TIMESTAMP_BEGIN, 1))
                .usingElementComparator(CLOSE).containsExactly(-0.3);
    }

    @Test
    void shouldGiveZerosWhenTheRunsDoNotLineUpWithTheSegments() {
        List<DecodedToken> tokens = List.of(text(-0.5f), stamp(50), text(-0.1f));

        assertThat(SegmentConfidence.averageLogProbs(tokens, TIMESTAMP_BEGIN, 3)).containsExactly(0.0, 0.0, 0.0);
    }

    private static DecodedToken text(float logProb) {
        return new DecodedToken(7, logProb);
    }

    private static DecodedToken stamp(int steps) {
        return new DecodedToken(TIMESTAMP_BEGIN + steps, -0.01f);
    }
}
