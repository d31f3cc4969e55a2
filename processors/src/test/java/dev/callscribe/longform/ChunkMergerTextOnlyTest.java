package dev.callscribe.longform;

import static dev.callscribe.longform.FakeVocabulary.END_OF_TEXT;
import static dev.callscribe.longform.FakeVocabulary.ENGLISH;
import static dev.callscribe.longform.FakeVocabulary.TRANSCRIBE;
import static dev.callscribe.longform.FakeVocabulary.merger;
import static dev.callscribe.longform.FakeVocabulary.segment;
import static dev.callscribe.longform.FakeVocabulary.tokens;
import static dev.callscribe.longform.FakeVocabulary.transcribed;
import static dev.callscribe.longform.FakeVocabulary.windows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging windows decoded without timestamps, as Distil-Whisper's chunked recipe runs: every window's text stays
 * pending and the longest-common-sequence merge alone removes the overlap, giving one segment for the stream.
 */
class ChunkMergerTextOnlyTest {

    @Test
    void shouldJoinOverlappingWindowsWithoutRepeatingTheOverlap() {
        // By hand: [hello world how are you] + [how are you fine thanks] align best at i = 3 (3 matches); the cut
        // keeps left[:3] and right[1:], which spells every word once.
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens(ENGLISH, TRANSCRIBE, "hello world how are you", END_OF_TEXT),
                tokens(ENGLISH, TRANSCRIBE, "how are you fine thanks", END_OF_TEXT));

        Transcript transcript = merger().mergeAll(windows);

        assertThat(transcript.segments()).containsExactly(segment(0, 25_000, "hello world how are you fine thanks"));
        assertThat(transcript.text()).isEqualTo(" hello world how are you fine thanks");
    }

    @Test
    void shouldConcatenateWindowsThatShareNoText() {
        List<WindowTokens> windows = transcribed(windows(15, 35), tokens("a b c"), tokens("x y"), tokens("ok yes"));

        assertThat(merger().mergeAll(windows).text()).isEqualTo(" a b c x y ok yes");
    }

    @Test
    void shouldSpanFromTheFirstWindowToTheEndOfTheAudio() {
        // Given windows of a stream whose timeline does not start at zero (a stitcher joining mid-call).
        AudioWindow later = new AudioWindow(0, 160_000, 80_000, 0, 0, true);

        Transcript transcript = merger().mergeAll(List.of(new WindowTokens(later, tokens("ok"))));

        assertThat(transcript.segments()).containsExactly(segment(10_000, 15_000, "ok"));
    }

    @Test
    void shouldShowTheTextSoFarAsInterimAfterEachWindow() {
        List<WindowTokens> windows = transcribed(windows(15, 25),
                tokens("hello world how are you"), tokens("how are you fine thanks"));
        ChunkMerger merger = merger();

        MergeStep first = merger.accept(MergeState.initial(), windows.get(0));
        MergeStep second = merger.accept(first.state(), windows.get(1));

        assertThat(first.settled()).isEmpty();
        assertThat(first.interim()).contains(segment(0, 15_000, "hello world how are you"));
        assertThat(second.settled()).isEmpty();
        assertThat(second.interim()).contains(segment(0, 25_000, "hello world how are you fine thanks"));
    }
}
