package dev.callscribe.longform;

import java.util.List;

/**
 * A span of transcript on the audio's absolute timeline, in milliseconds from the stream's first sample.
 *
 * @param startMs where the segment starts; at or after the previous segment's end
 * @param endMs where it ends; at or after {@code startMs}
 * @param text the decoded text of {@code tokenIds}
 * @param tokenIds the merged text token ids
 */
public record TranscriptSegment(long startMs, long endMs, String text, List<Integer> tokenIds) {

    /** Checks the span and copies the ids. */
    public TranscriptSegment {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("a segment must satisfy 0 <= startMs <= endMs; got " + startMs
                    + " to " + endMs);
        }
        if (text == null) {
            throw new IllegalArgumentException("text must not be null; decode gave null for " + tokenIds);
        }
        tokenIds = List.copyOf(tokenIds);
    }
}
