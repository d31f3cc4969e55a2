package dev.callscribe.longform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A merged transcript: its segments in timeline order.
 *
 * @param segments non-overlapping, in order; empty when nothing was said
 */
public record Transcript(List<TranscriptSegment> segments) {

    /** Copies the list. */
    public Transcript {
        segments = List.copyOf(segments);
    }

    /** The whole text: the segments' texts joined without separators, as the pipeline's {@code text}. */
    public String text() {
        return segments.stream().map(TranscriptSegment::text).collect(Collectors.joining());
    }
}
