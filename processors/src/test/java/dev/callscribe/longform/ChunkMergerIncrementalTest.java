package dev.callscribe.longform;

import static dev.callscribe.longform.FakeVocabulary.END_OF_TEXT;
import static dev.callscribe.longform.FakeVocabulary.at;
import static dev.callscribe.longform.FakeVocabulary.merger;
import static dev.callscribe.longform.FakeVocabulary.segment;
import static dev.callscribe.longform.FakeVocabulary.tokens;
import static dev.callscribe.longform.FakeVocabulary.transcribed;
import static dev.callscribe.longform.FakeVocabulary.windows;
import static dev.callscribe.longform.FakeVocabulary.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeding windows one at a time, as the streaming stitcher does: settled segments come out as soon as a window
 * closes them, the open one is visible as interim, and the end result equals the whole-file merge.
 */
class ChunkMergerIncrementalTest {

    /** The three-window sentence of ChunkMergerTimestampTest. */
    private static final List<WindowTokens> SENTENCE = transcribed(windows(15, 35),
            tokens(at(1), "hello", at(2), at(11), "we are looking at", at(15), END_OF_TEXT),
            tokens(at(1), "we are looking at the long sentence now", at(13), END_OF_TEXT),
            tokens(at(0), "long sentence now", at(3), at(5), "bye", at(6), END_OF_TEXT));

    private final ChunkMerger merger = merger();

    @Test
    void shouldSettleSegmentsAsSoonAsAWindowClosesThem() {
        MergeStep first = merger.accept(MergeState.initial(), SENTENCE.get(0));
        MergeStep second = merger.accept(first.state(), SENTENCE.get(1));
        MergeStep third = merger.accept(second.state(), SENTENCE.get(2));

        assertThat(first.settled()).containsExactly(segment(1_000, 2_000, "hello"));
        assertThat(second.settled()).isEmpty();
        assertThat(third.settled()).containsExactly(
                segment(11_000, 23_000, "we are looking at the long sentence now"),
                segment(25_000, 26_000, "bye"));
    }

    @Test
    void shouldShowTheOpenSegmentAsInterimWithAProvisionalEnd() {
        MergeStep first = merger.accept(MergeState.initial(), SENTENCE.get(0));
        MergeStep second = merger.accept(first.state(), SENTENCE.get(1));
        MergeStep third = merger.accept(second.state(), SENTENCE.get(2));

        assertThat(first.interim()).contains(segment(11_000, 15_000, "we are looking at"));
        assertThat(second.interim()).contains(segment(11_000, 25_000, "we are looking at the long sentence now"));
        assertThat(third.interim()).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheOpenSegmentInTheState() {
        MergeStep first = merger.accept(MergeState.initial(), SENTENCE.get(0));
        MergeStep second = merger.accept(first.state(), SENTENCE.get(1));

        // The fold has fixed "we are"; the rest may still be cut by the next window's overlap.
        assertThat(second.state()).isEqualTo(new MergeState(2, 25_000, 2_000, 11_000L, true,
                new TokenFold(words("we are"), words("looking at the long sentence now"))));
    }

    @Test
    void shouldFinishWithTheLastInterim() {
        List<WindowTokens> unfinished = SENTENCE.subList(0, 2);
        MergeState state = MergeState.initial();
        MergeStep step = null;
        for (WindowTokens window : unfinished) {
            step = merger.accept(state, window);
            state = step.state();
        }

        assertThat(merger.finish(state)).containsExactly(step.interim().orElseThrow());
    }

    @Test
    void shouldEqualTheWholeFileMergeWhenFedOneWindowAtATime() {
        assertThat(feedOneByOne(SENTENCE)).isEqualTo(merger.mergeAll(SENTENCE).segments());
    }

    @Test
    void shouldResumeFromAStoredCopyOfTheStateAsIfNeverStopped() {
        // Given the state rebuilt from its plain fields after every window, as a state store would keep it.
        List<TranscriptSegment> segments = new ArrayList<>();
        MergeState state = MergeState.initial();
        for (WindowTokens window : SENTENCE) {
            MergeStep step = merger.accept(storedAndLoaded(state), window);
            segments.addAll(step.settled());
            state = step.state();
        }
        segments.addAll(merger.finish(storedAndLoaded(state)));

        assertThat(segments).isEqualTo(merger.mergeAll(SENTENCE).segments());
    }

    @Test
    void shouldCountTheWindowsAccepted() {
        MergeStep first = merger.accept(MergeState.initial(), SENTENCE.get(0));

        assertThat(MergeState.initial().windowCount()).isZero();
        assertThat(first.state().windowCount()).isEqualTo(1);
        assertThat(merger.accept(first.state(), SENTENCE.get(1)).state().windowCount()).isEqualTo(2);
    }

    private List<TranscriptSegment> feedOneByOne(List<WindowTokens> windows) {
        List<TranscriptSegment> segments = new ArrayList<>();
        MergeState state = MergeState.initial();
        for (WindowTokens window : windows) {
            MergeStep step = merger.accept(state, window);
            segments.addAll(step.settled());
            state = step.state();
        }
        segments.addAll(merger.finish(state));
        return segments;
    }

    /** A copy made only of the record's plain values, as a serializer would write and read them. */
    private static MergeState storedAndLoaded(MergeState state) {
        Long open = state.openSegmentStartMs() == null ? null : Long.valueOf(state.openSegmentStartMs());
        return new MergeState(state.windowCount(), state.audioEndMs(), state.settledUntilMs(), open,
                state.skipNextTimestamp(), new TokenFold(new ArrayList<>(state.pending().settled()),
                        new ArrayList<>(state.pending().tail())));
    }
}
