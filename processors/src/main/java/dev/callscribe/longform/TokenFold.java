package dev.callscribe.longform;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest-common-sequence merge taken one sequence at a time, so a stream of windows can be merged as it
 * arrives. The pipeline merges a list of pending sequences left to right, carrying only the unmerged remainder of
 * the latest one into the next comparison; this record is exactly that carry.
 *
 * <p>Immutable; {@link #fold} returns a new value.
 *
 * @param settled merged tokens that no later sequence can change
 * @param tail the remainder of the latest sequence, which the next sequence's overlap may still cut
 */
public record TokenFold(List<Integer> settled, List<Integer> tail) {

    private static final TokenFold EMPTY = new TokenFold(List.of(), List.of());

    /** Copies both lists. */
    public TokenFold {
        settled = List.copyOf(settled);
        tail = List.copyOf(tail);
    }

    /** Nothing merged yet. */
    public static TokenFold empty() {
        return EMPTY;
    }

    /**
     * Merges the next sequence. Folding into an empty value gives the sequence itself, and folding an empty
     * sequence settles the tail, both as the pipeline's merge would.
     */
    public TokenFold fold(List<Integer> next) {
        LongestCommonSequence.Cut cut = LongestCommonSequence.cut(tail, next);
        List<Integer> newSettled = new ArrayList<>(settled);
        newSettled.addAll(tail.subList(0, cut.leftKeep()));
        return new TokenFold(newSettled, next.subList(cut.rightFrom(), next.size()));
    }

    /** The merged tokens so far: settled then tail. */
    public List<Integer> tokens() {
        List<Integer> tokens = new ArrayList<>(settled);
        tokens.addAll(tail);
        return List.copyOf(tokens);
    }

    /** Whether nothing has been folded in, or only empty sequences. */
    public boolean isEmpty() {
        return settled.isEmpty() && tail.isEmpty();
    }
}
