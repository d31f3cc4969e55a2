package dev.callscribe.stitcher;

import dev.callscribe.longform.MergeState;
import java.util.List;
import java.util.Map;

/**
 * What the stitcher remembers about one channel of one call between windows (a state store value, as JSON).
 *
 * @param nextIndex the window index it waits for next
 * @param revision revisions emitted so far
 * @param merge the long-form merge state (open segment, pending tokens)
 * @param segments segments settled so far, on the call timeline, in order
 * @param tokenBytes UTF-8 bytes of every token id met, base64, so merged token lists can be turned into text
 * @param totals figures for the call's latency metric
 * @param finished whether the channel's FINAL was emitted
 * @param waitingSinceMs wall-clock time since which a later window waits for a missing one; 0 when none waits
 */
record ChannelProgress(long nextIndex, int revision, MergeState merge, List<StitchedSegment> segments,
                       Map<Integer, String> tokenBytes, ChannelTotals totals, boolean finished, long waitingSinceMs) {

    ChannelProgress {
        segments = List.copyOf(segments);
        tokenBytes = Map.copyOf(tokenBytes);
    }

    static ChannelProgress start() {
        return new ChannelProgress(0, 0, MergeState.initial(), List.of(), Map.of(), ChannelTotals.none(), false, 0);
    }

    ChannelProgress waitingSince(long nowMs) {
        return new ChannelProgress(nextIndex, revision, merge, segments, tokenBytes, totals, finished, nowMs);
    }
}
