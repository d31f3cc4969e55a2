package dev.callscribe.longform;

import java.util.List;

/**
 * Merges token sequences whose ends overlap, as the Hugging Face Whisper tokenizer's
 * {@code _find_longest_common_sequence} does (without word timestamps).
 *
 * <p>For each pair, every alignment of the right sequence's start against the left sequence's end is scored by
 * {@code matches / overlap + overlap / 10000} (equal tokens at equal positions; the small term prefers the longer
 * of two equally good overlaps). The best alignment with more than one match wins; the left sequence is kept up to
 * the middle of that overlap and the right one from its middle on, since each window is trusted for the half of
 * the overlap nearer its own centre. With no alignment of two or more matches the sequences are concatenated.
 *
 * <p>Stateless and thread-safe.
 */
public final class LongestCommonSequence {

    /** Weight of the overlap length in the score, the pipeline's epsilon favouring long perfect matches. */
    private static final double OVERLAP_LENGTH_WEIGHT = 1.0 / 10_000;

    private LongestCommonSequence() {
    }

    /**
     * Merges the sequences left to right.
     *
     * @param sequences token ids of consecutive overlapping windows, in order; none null
     * @return the merged ids; empty when there are no sequences
     */
    public static List<Integer> merge(List<List<Integer>> sequences) {
        TokenFold fold = TokenFold.empty();
        for (List<Integer> sequence : sequences) {
            fold = fold.fold(sequence);
        }
        return fold.tokens();
    }

    /**
     * Where to cut two overlapping sequences: keep {@code left[0, leftKeep)} and {@code right[rightFrom, end)}.
     *
     * @param leftKeep tokens of the left sequence to keep
     * @param rightFrom first token of the right sequence to keep
     */
    public record Cut(int leftKeep, int rightFrom) {
    }

    /**
     * The cut for one pair: the middle of the best overlap, or the whole of both when no alignment has more
     * than one matching token.
     */
    public static Cut cut(List<Integer> left, List<Integer> right) {
        int leftLength = left.size();
        int rightLength = right.size();
        double bestScore = 0;
        // No alignment with two matches: keep all of the left and all of the right.
        Alignment best = new Alignment(leftLength, leftLength, 0, 0);
        for (int overlap = 1; overlap < leftLength + rightLength; overlap++) {
            Alignment alignment = new Alignment(Math.max(0, leftLength - overlap),
                    Math.min(leftLength, leftLength + rightLength - overlap), Math.max(0, overlap - leftLength),
                    Math.min(rightLength, overlap));
            int matches = alignment.matches(left, right);
            double score = (double) matches / overlap + overlap * OVERLAP_LENGTH_WEIGHT;
            if (matches > 1 && score > bestScore) {
                bestScore = score;
                best = alignment;
            }
        }
        return new Cut((best.leftStart() + best.leftStop()) / 2, (best.rightStart() + best.rightStop()) / 2);
    }

    /** The overlapping ranges {@code left[leftStart, leftStop)} and {@code right[rightStart, rightStop)}. */
    private record Alignment(int leftStart, int leftStop, int rightStart, int rightStop) {

        /** Positions where both ranges hold the same token. */
        int matches(List<Integer> left, List<Integer> right) {
            int matches = 0;
            for (int offset = 0; offset < leftStop - leftStart; offset++) {
                if (left.get(leftStart + offset).equals(right.get(rightStart + offset))) {
                    matches++;
                }
            }
            return matches;
        }
    }
}
