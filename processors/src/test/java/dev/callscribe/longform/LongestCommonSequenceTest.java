package dev.callscribe.longform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each expectation is the pipeline's _find_longest_common_sequence (model.md 6.1) worked by hand: for every
 * overlap length i, score = matches / i + i / 10000, keep the best with more than one match, then keep the left
 * sequence up to the middle of the overlap and the right one from its middle.
 */
class LongestCommonSequenceTest {

    @Test
    void shouldJoinTwoSequencesAtTheirOverlap() {
        // i = 2 aligns [4, 5] with [4, 5]: score 1.0002, the only alignment with matches.
        List<Integer> merged = LongestCommonSequence.merge(List.of(List.of(1, 2, 3, 4, 5), List.of(4, 5, 6, 7)));

        assertThat(merged).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void shouldTrustTheRightSequenceInTheSecondHalfOfTheOverlap() {
        // i = 4 aligns [12, 13, 14, 15] with [12, 13, 99, 15]: 3 matches. The cut keeps left[:4] = ..13 and
        // right[2:] = 99.., so the disagreement in the overlap's second half goes to the right sequence.
        List<Integer> merged = LongestCommonSequence.merge(List.of(
                List.of(10, 11, 12, 13, 14, 15), List.of(12, 13, 99, 15, 16, 17)));

        assertThat(merged).containsExactly(10, 11, 12, 13, 99, 15, 16, 17);
    }

    @Test
    void shouldTrustTheLeftSequenceInTheFirstHalfOfTheOverlap() {
        // Same alignment with the disagreement at the overlap's second position: left[:4] keeps 13 over 98.
        List<Integer> merged = LongestCommonSequence.merge(List.of(
                List.of(10, 11, 12, 13, 14, 15), List.of(12, 98, 14, 15, 16, 17)));

        assertThat(merged).containsExactly(10, 11, 12, 13, 14, 15, 16, 17);
    }

    @Test
    void shouldConcatenateSequencesThatShareNothing() {
        assertThat(LongestCommonSequence.merge(List.of(List.of(1, 2, 3), List.of(4, 5, 6))))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldIgnoreASingleCoincidentToken() {
        // Only one match at i = 1 ([3] with [3]); an alignment needs more than one, so nothing is removed.
        assertThat(LongestCommonSequence.merge(List.of(List.of(1, 2, 3), List.of(3, 4, 5))))
                .containsExactly(1, 2, 3, 3, 4, 5);
    }

    @Test
    void shouldPreferTheLongerOfTwoPerfectOverlaps() {
        // i = 2 and i = 4 both match fully (1.0002 and 1.0004); the longer wins, so the repeated [1, 2] is kept.
        assertThat(LongestCommonSequence.merge(List.of(List.of(1, 2, 1, 2), List.of(1, 2, 1, 2, 3))))
                .containsExactly(1, 2, 1, 2, 3);
    }

    @Test
    void shouldPreferAFullOverlapOverALongerPartialOne() {
        // i = 2 compares [7, 8] with [7, 8]: 2 matches, score 1.0002. i = 6 also finds 2 matches (left's [5, 6]
        // against right's last two), but scores 2 / 6 + 0.0006, so the short full overlap wins.
        assertThat(LongestCommonSequence.merge(List.of(List.of(5, 6, 7, 8), List.of(7, 8, 5, 6))))
                .containsExactly(5, 6, 7, 8, 5, 6);
    }

    @Test
    void shouldMergeThreeSequencesLeftToRight() {
        List<Integer> merged = LongestCommonSequence.merge(List.of(
                List.of(1, 2, 3, 4), List.of(3, 4, 5, 6), List.of(5, 6, 7)));

        assertThat(merged).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void shouldLeaveASequenceAloneNextToAnEmptyOne() {
        assertThat(LongestCommonSequence.merge(List.of(List.of(), List.of(1, 2)))).containsExactly(1, 2);
        assertThat(LongestCommonSequence.merge(List.of(List.of(1, 2), List.of()))).containsExactly(1, 2);
        assertThat(LongestCommonSequence.merge(List.of())).isEmpty();
    }

    @Test
    void shouldFoldOneSequenceAtATimeToTheSameResult() {
        List<List<Integer>> sequences = List.of(List.of(1, 2, 3, 4), List.of(3, 4, 5, 6), List.of(5, 6, 7));

        TokenFold fold = TokenFold.empty().fold(sequences.get(0)).fold(sequences.get(1));

        assertThat(fold.settled()).containsExactly(1, 2, 3);
        assertThat(fold.tail()).containsExactly(4, 5, 6);
        assertThat(fold.fold(sequences.get(2)).tokens()).isEqualTo(LongestCommonSequence.merge(sequences));
    }
}
