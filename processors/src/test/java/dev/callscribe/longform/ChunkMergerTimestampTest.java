package dev.callscribe.longform;

import static dev.callscribe.longform.FakeVocabulary.END_OF_TEXT;
import static dev.callscribe.longform.FakeVocabulary.ENGLISH;
import static dev.callscribe.longform.FakeVocabulary.TRANSCRIBE;
import static dev.callscribe.longform.FakeVocabulary.at;
import static dev.callscribe.longform.FakeVocabulary.merger;
import static dev.callscribe.longform.FakeVocabulary.segment;
import static dev.callscribe.longform.FakeVocabulary.tokens;
import static dev.callscribe.longform.FakeVocabulary.transcribed;
import static dev.callscribe.longform.FakeVocabulary.windows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging windows whose tokens carry timestamps. With 15 s chunks at 16 kHz the windows start 10 s apart, a
 * window's right stride is its last 2.5 s and the next window's left stride its first 2.5 s. Expectations worked by
 * hand through the pipeline's _decode_asr (model.md 6.1) say so; times are on the absolute timeline in ms.
 */
class ChunkMergerTimestampTest {

    @Test
    void shouldPlaceTwoWindowsSegmentsOnTheAbsoluteTimelineAndMergeTheSharedSentence() {
        // Given 25 s of audio: "hello world" at 1-3 s, "how are you" at 11-14 s, "fine thanks" at 16-18 s.
        // By hand: in window 0 the last timestamp <14.00> is distrusted (right stride), so "how are you" stays
        // pending from 11.0. Window 1 (offset 10 s): <1.00> is the pair of the skipped <14.00> and is ignored;
        // <4.00> lies past the 2.5 s left stride and closes at 14.0 s; both copies of "how are you" overlap fully
        // and merge to one. <6.00>/<8.00> give 16-18 s.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(ENGLISH, TRANSCRIBE, at(1), "hello world", at(3), at(11), "how are you", at(14), END_OF_TEXT),
                tokens(ENGLISH, TRANSCRIBE, at(1), "how are you", at(4), at(6), "fine thanks", at(8), END_OF_TEXT));

        // When
        Transcript transcript = merger().mergeAll(windows);

        // Then
        assertThat(transcript.segments()).containsExactly(
                segment(1_000, 3_000, "hello world"),
                segment(11_000, 14_000, "how are you"),
                segment(16_000, 18_000, "fine thanks"));
        assertThat(transcript.text()).isEqualTo(" hello world how are you fine thanks");
    }

    @Test
    void shouldCarryASentenceAcrossThreeWindows() {
        // Given 35 s of audio with a sentence from 11 s to 23 s, heard in part by all three windows.
        // By hand: window 0 leaves "we are looking at" pending from 11.0 (its <15.00> is in the right stride).
        // Window 1 hears the whole sentence but its only timestamps are the skipped pair <1.00> and the distrusted
        // last <13.00>; the fold keeps "we are" and leaves "looking at the long sentence now" as the tail.
        // Window 2 (offset 20 s) closes at <3.00> = 23.0 s; "long sentence now" overlaps the tail's end.
        List<WindowTokens> windows = transcribed(windows(15, 35),
                tokens(at(1), "hello", at(2), at(11), "we are looking at", at(15), END_OF_TEXT),
                tokens(at(1), "we are looking at the long sentence now", at(13), END_OF_TEXT),
                tokens(at(0), "long sentence now", at(3), at(5), "bye", at(6), END_OF_TEXT));

        Transcript transcript = merger().mergeAll(windows);

        assertThat(transcript.segments()).containsExactly(
                segment(1_000, 2_000, "hello"),
                segment(11_000, 23_000, "we are looking at the long sentence now"),
                segment(25_000, 26_000, "bye"));
    }

    @Test
    void shouldOffsetTimesByTheExactWindowStartFor25SecondChunks() {
        // Given 30 s in 25 s chunks: window 1 starts at sample 266666, 16.666625 s.
        // By hand: <7.34> in window 1 is 24.006625 s (the pipeline rounds to 24.01), <8.00> 24.666625 s.
        List<WindowTokens> windows = transcribed(windows(25, 30),
                tokens(at(2), "hello world", at(4), at(20), "how are you", at(24), END_OF_TEXT),
                tokens(at(3.34), "how are you", at(7.34), at(8), "fine thanks", at(9.5), END_OF_TEXT));

        Transcript transcript = merger().mergeAll(windows);

        assertThat(transcript.segments()).containsExactly(
                segment(2_000, 4_000, "hello world"),
                segment(20_000, 24_007, "how are you"),
                segment(24_667, 26_167, "fine thanks"));
    }

    @Test
    void shouldNotCloseASegmentOnTimestampsInsideTheRightStride() {
        // Given window 0 of two, whose timestamps after 12.5 s all lie in its right stride.
        List<AudioWindow> windows = windows(15, 25);
        WindowTokens first = new WindowTokens(windows.get(0),
                tokens(at(11), "a b", at(13), at(13), "c", at(14.5), END_OF_TEXT));

        // When
        MergeStep step = merger().accept(MergeState.initial(), first);

        // Then nothing settles; the open segment runs to the end of the audio seen so far.
        assertThat(step.settled()).isEmpty();
        assertThat(step.interim()).contains(segment(11_000, 15_000, "a b c"));
        assertThat(step.state().skipNextTimestamp()).isTrue();
    }

    @Test
    void shouldIgnoreTimestampsInsideTheLeftStrideWhileTextIsPending() {
        // By hand: "a b c" is pending from 11.0. In window 1, <0.50> is the skipped pair; <2.00> twice lies inside
        // the 2.5 s left stride and is ignored because text is pending; <5.00> closes at 15.0 s.
        // [a b c] + [b c d] overlap on [b c] and merge to "a b c d".
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(at(11), "a b c", at(14), END_OF_TEXT),
                tokens(at(0.5), "b c", at(2), at(2), "d", at(5), END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(segment(11_000, 15_000, "a b c d"));
    }

    @Test
    void shouldCarryTheSkipOfARightStrideTimestampIntoTheNextWindow() {
        // The pipeline's behaviour, kept: window 0 ends on a lone <13.00> in its right stride, so window 1's first
        // timestamp <3.00> is taken as that one's pair and ignored. The pairs of window 1 then shift by one:
        // <4.00> opens (14.0 s) and <5.00> closes "fine"; "thanks" is left open until the end of the audio.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(at(1), "hello", at(2), at(13), END_OF_TEXT),
                tokens(at(3), "fine", at(4), at(5), "thanks", at(6), END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(
                segment(1_000, 2_000, "hello"),
                segment(14_000, 15_000, "fine"),
                segment(16_000, 25_000, "thanks"));
    }

    @Test
    void shouldForgetASegmentOpenedWithoutTextWhenTheWindowEnds() {
        // By hand: <5.00> opens a segment, <13.00> is skipped, and the window ends with no text: the pipeline
        // drops the opening time, so window 1's <4.00> opens anew at 14.0 s instead of closing 5.0-14.0.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(at(1), "a", at(2), at(5), at(13), END_OF_TEXT),
                tokens(at(0.5), "hello", at(4), END_OF_TEXT));

        MergeStep first = merger().accept(MergeState.initial(), windows.get(0));

        assertThat(first.state().openSegmentStartMs()).isNull();
        assertThat(merger().mergeAll(windows).segments()).containsExactly(
                segment(1_000, 2_000, "a"),
                segment(14_000, 25_000, "hello"));
    }

    @Test
    void shouldKeepASegmentOpenWhenItsEndRepeatsItsStart() {
        List<WindowTokens> windows = transcribed(windows(15, 10), tokens(at(1), "ok", at(1), "yes", at(2)));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(segment(1_000, 2_000, "ok yes"));
    }

    @Test
    void shouldSkipSpecialTokensWhereverTheyAppear() {
        List<WindowTokens> windows = transcribed(windows(15, 10),
                tokens(ENGLISH, TRANSCRIBE, at(0), "hello", END_OF_TEXT, "world", at(1)));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(segment(0, 1_000, "hello world"));
    }

    @Test
    void shouldTakeASingleWindowsSegmentsAsTheyAre() {
        List<WindowTokens> windows = transcribed(windows(15, 10),
                tokens(at(0), "hello world", at(1.5), at(2), "how are you", at(3), END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(
                segment(0, 1_500, "hello world"),
                segment(2_000, 3_000, "how are you"));
    }

    @Test
    void shouldEndAnUnfinishedLastSegmentAtTheEndOfTheAudio() {
        // The pipeline leaves this end as None ("Whisper did not predict an ending timestamp").
        List<WindowTokens> windows = transcribed(windows(15, 10),
                tokens(at(1), "hello", at(2), at(3), "world", END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(
                segment(1_000, 2_000, "hello"),
                segment(3_000, 10_000, "world"));
    }

    @Test
    void shouldGiveNothingForWindowsWithoutText() {
        List<WindowTokens> windows = transcribed(windows(15, 35),
                tokens(), tokens(END_OF_TEXT), tokens(ENGLISH, TRANSCRIBE, END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).isEmpty();
        assertThat(merger().mergeAll(List.of()).segments()).isEmpty();
    }

    @Test
    void shouldNeverStartASegmentBeforeThePreviousOneEnds() {
        // Two departures from the pipeline: window 0 settles "a b" until 12.0 s; window 1's "c" (10.5-11.5 s) lies
        // in that settled audio, inside its left stride, so it is dropped (the pipeline keeps it, doubling the
        // overlap); "d" opens at 11.6 s, before the previous end, and reaches 13.0 s: it is kept, moved to 12.0 s.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(at(1), "a b", at(12), at(13), END_OF_TEXT),
                tokens(at(0.5), "c", at(1.5), at(1.6), "d", at(3), END_OF_TEXT));

        assertThat(merger().mergeAll(windows).segments()).containsExactly(
                segment(1_000, 12_000, "a b"),
                segment(12_000, 13_000, "d"));
    }

    @Test
    void shouldDropALeftStrideSegmentAnEarlierWindowAlreadySettled() {
        // window 0 = [0, 15) settles "a" (10-11 s); "x y" stays pending (a window's last timestamp never closes).
        // Window 1 = [10, 25) hears "a" again at 10.2-11.0 s, in its left stride: the pipeline would keep it, with
        // nothing pending to merge it away, and give "a" twice. "x y" merges with the pending copy as usual.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(at(10), "a", at(11), at(11), "x y", at(12), END_OF_TEXT),
                tokens(at(0.2), "a", at(1), at(1), "x y", at(2), at(3), "b", at(4), END_OF_TEXT));

        assertThat(merger().mergeAll(windows).text()).isEqualTo(" a x y b");
        assertThat(merger().mergeAll(windows).segments()).first().isEqualTo(segment(10_000, 11_000, "a"));
    }
}
