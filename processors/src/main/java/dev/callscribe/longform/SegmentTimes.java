package dev.callscribe.longform;

import java.util.List;

/**
 * Builds segments in timeline order. The pipeline can emit a segment that starts before the previous one ended
 * when a window closes a segment inside the next window's left stride; here such times are moved forward to the
 * previous end, and an end before its start to the start. Times already in order are unchanged.
 */
final class SegmentTimes {

    private SegmentTimes() {
    }

    /**
     * @param settledUntilMs end of the previous segment
     * @param startMs start the timestamps gave
     * @param endMs end the timestamps gave
     */
    static TranscriptSegment ordered(long settledUntilMs, long startMs, long endMs, List<Integer> tokenIds,
                                     TokenText text) {
        long start = Math.max(startMs, settledUntilMs);
        long end = Math.max(endMs, start);
        return new TranscriptSegment(start, end, text.decode(tokenIds), tokenIds);
    }
}
