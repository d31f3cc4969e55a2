package dev.callscribe.longform;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one window's tokens through the pipeline's {@code _decode_asr} state machine, starting from a
 * {@link MergeState} and producing the next one with the segments the window closed. Single use, not thread-safe;
 * {@link ChunkMerger} makes one per window.
 *
 * <p>Per token: a special token is skipped; a text token joins the open segment; a timestamp is ignored when it
 * falls in the right stride's trailing run (and then so is the timestamp after it), or inside the left stride while
 * text is pending; otherwise it opens a segment, or closes the open one unless it repeats the opening time.
 */
final class WindowMerge {

    private final TokenVocabulary vocabulary;
    private final TokenText text;
    private final WindowTiming timing;
    private final List<Integer> current = new ArrayList<>();
    private final List<TranscriptSegment> settled = new ArrayList<>();
    private TokenFold pending;
    private Long openStartMs;
    private boolean skip;
    private long settledUntilMs;

    WindowMerge(MergeState state, WindowTiming timing, TokenVocabulary vocabulary, TokenText text) {
        this.vocabulary = vocabulary;
        this.text = text;
        this.timing = timing;
        this.pending = state.pending();
        this.openStartMs = state.openSegmentStartMs();
        this.skip = state.skipNextTimestamp();
        this.settledUntilMs = state.settledUntilMs();
    }

    /**
     * Runs the window's tokens.
     *
     * @param tokenIds the window's tokens
     * @param windowCount windows accepted before this one
     * @param windowStartMs the window's start on the absolute timeline
     * @param audioEndMs the end of the audio seen, this window included
     * @return the state after the window
     */
    MergeState run(List<Integer> tokenIds, int windowCount, long windowStartMs, long audioEndMs) {
        if (windowCount == 0) {
            settledUntilMs = windowStartMs;
        }
        for (int token : tokenIds) {
            if (vocabulary.isTimestamp(token)) {
                onTimestamp(token);
            } else if (!vocabulary.isSpecial(token)) {
                current.add(token);
            }
        }
        endOfWindow();
        return new MergeState(windowCount + 1, audioEndMs, settledUntilMs, openStartMs, skip, pending);
    }

    /** The segments this window closed, in order. */
    List<TranscriptSegment> settled() {
        return List.copyOf(settled);
    }

    private void onTimestamp(int token) {
        if (timing.neverCloses(token)) {
            // Timestamps come in pairs, so the one after a discarded timestamp is discarded too.
            skip = true;
        } else if (skip || (!pending.isEmpty() && timing.insideLeftStride(token))) {
            skip = false;
        } else if (openStartMs == null) {
            openStartMs = timing.timeMs(token);
        } else {
            long time = timing.timeMs(token);
            // An end equal to the start is the model repeating the opening timestamp: the segment stays open.
            if (time != openStartMs) {
                closeSegment(time);
            }
        }
    }

    private void closeSegment(long endMs) {
        List<Integer> tokens = pending.fold(current).tokens();
        TranscriptSegment segment = SegmentTimes.ordered(settledUntilMs, openStartMs, endMs, tokens, text);
        settled.add(segment);
        settledUntilMs = segment.endMs();
        pending = TokenFold.empty();
        current.clear();
        openStartMs = null;
    }

    private void endOfWindow() {
        if (!current.isEmpty()) {
            pending = pending.fold(current);
        } else if (pending.isEmpty()) {
            // A segment opened with no text before the window ended is forgotten, as in the pipeline.
            openStartMs = null;
        }
    }
}
