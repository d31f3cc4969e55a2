package dev.callscribe.engine.result;

import java.util.List;

/**
 * A stretch of speech between two timestamp tokens, in seconds from the start of its window.
 *
 * @param startSeconds start, from the opening timestamp token
 * @param endSeconds end, from the closing timestamp token (or the window's audio end when none closed it)
 * @param text the segment's text
 * @param tokens the text tokens of the segment
 */
public record Segment(double startSeconds, double endSeconds, String text, List<Integer> tokens) {

    public Segment {
        tokens = List.copyOf(tokens);
        if (endSeconds < startSeconds) {
            throw new IllegalArgumentException("segment ends (" + endSeconds + " s) before it starts ("
                    + startSeconds + " s)");
        }
    }
}
