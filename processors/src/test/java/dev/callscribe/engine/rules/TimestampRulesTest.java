package dev.callscribe.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A toy vocabulary laid out like Whisper's: text ids 0-9, end-of-text 10, {@code <|notimestamps|>} 11, then
 * timestamps 12-31 (timestamp index i is id 12 + i).
 */
class TimestampRulesTest {

    private static final int EOT = 10;
    private static final int NO_TIMESTAMPS = 11;
    private static final int TS = 12;
    private static final int VOCAB = 32;

    private final TimestampRules rules = new TimestampRules(EOT, NO_TIMESTAMPS, 5);

    @Test
    void shouldStartWithATimestampNoLaterThanTheInitialLimit() {
        float[] logits = uniform();

        rules.apply(logits, new int[0]);

        assertThat(allowed(logits)).containsExactly(TS, TS + 1, TS + 2, TS + 3, TS + 4, TS + 5);
    }

    @Test
    void shouldNeverEmitTheNoTimestampsToken() {
        float[] logits = uniform();

        rules.apply(logits, new int[] {TS, 3});

        assertThat(logits[NO_TIMESTAMPS]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void shouldCloseAnOpenSegmentWithATimestampOrEndOfText() {
        // <|0.00|> text <|0.10|> : the segment is open, so no text may follow
        float[] logits = uniform();

        rules.apply(logits, new int[] {TS, 3, TS + 5});

        assertThat(allowed(logits)).allMatch(id -> id == EOT || id >= TS + 5);
    }

    @Test
    void shouldFollowATimestampPairWithTextOrEndOfText() {
        float[] logits = uniform();

        rules.apply(logits, new int[] {TS, 3, TS + 5, TS + 5});

        assertThat(allowed(logits)).allMatch(id -> id <= EOT);
    }

    @Test
    void shouldNotLetTimestampsGoBackwardsOrMakeEmptySegments() {
        // after text that followed <|0.08|>, the closing timestamp must be later than it
        float[] logits = uniform();

        rules.apply(logits, new int[] {TS + 4, 7});

        assertThat(allowed(logits)).filteredOn(id -> id >= TS).allMatch(id -> id > TS + 4).isNotEmpty();
    }

    @Test
    void shouldForceATimestampWhenTimestampsTogetherOutweighEveryTextToken() {
        // each timestamp is less likely than text token 2, but together they are more likely
        float[] logits = new float[VOCAB];
        logits[2] = 2.0f;
        Arrays.fill(logits, TS, VOCAB, 0.5f);

        rules.apply(logits, new int[] {TS, 2, 2});

        assertThat(allowed(logits)).allMatch(id -> id >= TS);
    }

    @Test
    void shouldLeaveTextAloneWhenOneTextTokenDominates() {
        float[] logits = new float[VOCAB];
        logits[2] = 9.0f;

        rules.apply(logits, new int[] {TS, 2});

        assertThat(allowed(logits)).contains(2, EOT);
    }

    private static float[] uniform() {
        return new float[VOCAB];
    }

    private static List<Integer> allowed(float[] logits) {
        return IntStream.range(0, logits.length)
                .filter(i -> logits[i] != Float.NEGATIVE_INFINITY).boxed().toList();
    }
}
