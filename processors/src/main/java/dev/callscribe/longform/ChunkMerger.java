package dev.callscribe.longform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges the tokens of consecutive overlapping windows into one transcript on the audio's absolute timeline,
 * following the Hugging Face pipeline's {@code _decode_asr} with strides: timestamps inside a right stride never
 * close a segment, timestamps inside a left stride are ignored while text is pending, and text that spans windows
 * is joined with {@link LongestCommonSequence}, which removes the duplicated overlap. Without timestamp tokens
 * every window's text stays pending and the result is one segment.
 *
 * <p>Incremental: start from {@link MergeState#initial()}, pass each window in timeline order to
 * {@link #accept}, which returns the segments it settled, an interim view of the open one and the next state;
 * {@link #finish} turns the open segment into the last one. {@link #mergeAll} does exactly that for a whole
 * file. The merger holds no state between calls and is thread-safe if its {@link TokenText} and special-id
 * predicate are.
 *
 * <p>Departures from the pipeline: times are whole milliseconds, not rounded to 10 ms; a window's time offset is
 * its own start rather than a running sum of chunk lengths and strides (the same for {@link AudioChunker}'s
 * windows); a segment that would start before the previous one ended is moved to that end; the open segment at
 * the end ends at the end of the audio and, without an opening timestamp, starts where the previous segment ended,
 * where the pipeline leaves {@code None}; language tokens are skipped like other special tokens.
 */
public final class ChunkMerger {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private final TokenVocabulary vocabulary;
    private final int sampleRate;
    private final TokenText text;

    /**
     * @param vocabulary the model's timestamp and special ids
     * @param sampleRate samples per second of the windows' sample positions
     * @param text decodes text token ids
     */
    public ChunkMerger(TokenVocabulary vocabulary, int sampleRate, TokenText text) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.text = Objects.requireNonNull(text, "text");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive; got " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    /**
     * Feeds the next window.
     *
     * @param state the state after the previous window, or {@link MergeState#initial()}
     * @param window the next window in timeline order, with its tokens
     * @return the segments it settled, the interim open segment and the next state
     */
    public MergeStep accept(MergeState state, WindowTokens window) {
        WindowTiming timing = WindowTiming.of(window, vocabulary, sampleRate);
        WindowMerge merge = new WindowMerge(state, timing, vocabulary, text);
        long windowEndMs = toMillis(window.window().endSample());
        MergeState next = merge.run(window.tokenIds(), state.windowCount(),
                toMillis(window.window().startSample()), Math.max(state.audioEndMs(), windowEndMs));
        return new MergeStep(next, merge.settled(), interim(next));
    }

    /**
     * The open segment as {@link #finish} would give it now.
     *
     * @return empty when no text is pending
     */
    public Optional<TranscriptSegment> interim(MergeState state) {
        if (!state.hasPendingText()) {
            return Optional.empty();
        }
        long start = state.openSegmentStartMs() == null ? state.settledUntilMs() : state.openSegmentStartMs();
        return Optional.of(SegmentTimes.ordered(state.settledUntilMs(), start, state.audioEndMs(),
                state.pending().tokens(), text));
    }

    /**
     * Ends the stream: the pending text, if any, becomes the last segment.
     *
     * @return the last segment, or nothing when no text is pending
     */
    public List<TranscriptSegment> finish(MergeState state) {
        return interim(state).map(List::of).orElse(List.of());
    }

    /**
     * Merges a whole stream: every window through {@link #accept}, then {@link #finish}.
     *
     * @param windows all windows of one stream, in timeline order
     */
    public Transcript mergeAll(List<WindowTokens> windows) {
        List<TranscriptSegment> segments = new ArrayList<>();
        MergeState state = MergeState.initial();
        for (WindowTokens window : windows) {
            MergeStep step = accept(state, window);
            segments.addAll(step.settled());
            state = step.state();
        }
        segments.addAll(finish(state));
        return new Transcript(segments);
    }

    private long toMillis(long sample) {
        return Math.round(sample * MILLIS_PER_SECOND / sampleRate);
    }
}
