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
 *
 * <p>One addition to the pipeline's rules: at the start of a window, a segment inside its left stride that also
 * ends before the end of the last settled segment is dropped, text and timestamps, because an earlier window has
 * already settled that stretch of audio; a segment that reaches past it is kept. The pipeline keeps such text and
 * relies on the longest-common-sequence merge with pending text to remove it, but nothing is pending once the earlier
 * window has closed its segments, so it doubles the words of the overlap (a known complaint about chunked Whisper).
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
    private boolean trimming;
    private final List<Integer> tentative = new ArrayList<>();
    private Long tentativeStartMs;

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
        trimming = windowCount > 0;
        for (int token : tokenIds) {
            if (vocabulary.isTimestamp(token)) {
                onTimestamp(token);
            } else if (!vocabulary.isSpecial(token)) {
                (tentativeStartMs != null ? tentative : current).add(token);
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
        if (trimming && insideSettledAudio(token)) {
            // The segment that ends here lies in audio an earlier window settled: it is dropped.
            tentative.clear();
            tentativeStartMs = timing.timeMs(token);
            skip = false;
            return;
        }
        keepTentative();
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

    /**
     * Whether the timestamp keeps the window inside audio an earlier window settled: an opening timestamp before the
     * settled end, or a closing one at or before it.
     */
    private boolean insideSettledAudio(int token) {
        if (!timing.insideLeftStride(token)) {
            return false;
        }
        long time = timing.timeMs(token);
        boolean closing = tentativeStartMs != null && !tentative.isEmpty();
        return closing ? time <= settledUntilMs : time < settledUntilMs;
    }

    /** The left-stride segment reaches past the settled audio: it is kept, from where it started. */
    private void keepTentative() {
        trimming = false;
        if (!tentative.isEmpty()) {
            current.addAll(tentative);
            openStartMs = openStartMs != null ? openStartMs : tentativeStartMs;
        }
        tentative.clear();
        tentativeStartMs = null;
    }

    private void endOfWindow() {
        keepTentative();
        if (!current.isEmpty()) {
            pending = pending.fold(current);
        } else if (pending.isEmpty()) {
            // A segment opened with no text before the window ended is forgotten, as in the pipeline.
            openStartMs = null;
        }
    }
}
