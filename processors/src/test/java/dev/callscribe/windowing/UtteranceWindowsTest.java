package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.vad.SpeechSpan;
import dev.callscribe.vad.SpeechUpdate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Utterance mode at a rate of 1000 Hz, so a sample is a millisecond. Defaults: 30 s windows, a 3 s latency budget,
 * 5 s split overlap (2.5 s strides), 250 ms minimum speech.
 */
class UtteranceWindowsTest {

    private static final int RATE = 1_000;
    private static final WindowingOptions OPTIONS = WindowingOptions.defaults();

    @Test
    void shouldPackTwoShortTurnsCloseTogetherIntoOneWindow() {
        // Given a 1 s turn and a 0.5 s turn starting 2 s after it, inside the 3 s budget
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 2_000), new SpeechSpan(3_000, 3_500));

        // When
        List<WindowPlan> plans = cutEvery(100, spans, 10_000, OPTIONS);

        // Then one window from the first turn's start to the second's end, the silence between kept but not
        // counted as speech; the end of the stream adds an empty final marker
        assertThat(plans).containsExactly(
                new WindowPlan(0, 1_000, 3_500, 0, 0, 1_500, false, false),
                new WindowPlan(1, 10_000, 10_000, 0, 0, 0, true, true));
        assertThat(plans.get(0).fillRatio()).isEqualTo(0.6);
    }

    @Test
    void shouldEmitTurnsFarApartAsTwoWindowsEachOnceItsBudgetHasPassed() {
        // Given two 1 s turns 6 s apart
        WindowCutter cutter = WindowCutter.start(OPTIONS, RATE);
        ScriptedSpeech speech = new ScriptedSpeech(
                List.of(new SpeechSpan(1_000, 2_000), new SpeechSpan(8_000, 9_000)), 12_000, 0, 0);

        // When the stream reaches 1 ms before the first turn's start plus the budget, then that point
        List<WindowPlan> early = cutter.accept(speech.at(3_999));
        List<WindowPlan> onTime = cutter.accept(speech.at(4_000));

        // Then the first window is final exactly when the budget has passed in stream time
        assertThat(early).isEmpty();
        assertThat(onTime).containsExactly(new WindowPlan(0, 1_000, 2_000, 0, 0, 1_000, false, false));
        // and the second turn gets its own window, 3 s after its start
        assertThat(cutter.accept(speech.at(10_999))).isEmpty();
        assertThat(cutter.accept(speech.at(11_000)))
                .containsExactly(new WindowPlan(1, 8_000, 9_000, 0, 0, 1_000, false, false));
    }

    @Test
    void shouldOpenANewWindowForATurnStartingExactlyAtTheDeadline() {
        // Given a turn at 1-2 s and one starting at 4 s, when the first window's 3 s budget runs out
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 2_000), new SpeechSpan(4_000, 4_500));

        // When / Then
        assertThat(cutEvery(100, spans, 10_000, OPTIONS)).containsExactly(
                new WindowPlan(0, 1_000, 2_000, 0, 0, 1_000, false, false),
                new WindowPlan(1, 4_000, 4_500, 0, 0, 500, false, false),
                new WindowPlan(2, 10_000, 10_000, 0, 0, 0, true, true));
    }

    @Test
    void shouldEmitATurnLongerThanTheBudgetAsSoonAsItCloses() {
        // Given a 5 s turn, reported closed 500 ms after its end (the detector's hangover)
        WindowCutter cutter = WindowCutter.start(OPTIONS, RATE);
        ScriptedSpeech speech = new ScriptedSpeech(List.of(new SpeechSpan(1_000, 6_000)), 20_000, 250, 500);

        // When / Then nothing while the turn is open, the window as soon as it is closed
        assertThat(cutter.accept(speech.at(6_499))).isEmpty();
        assertThat(cutter.accept(speech.at(6_500)))
                .containsExactly(new WindowPlan(0, 1_000, 6_000, 0, 0, 5_000, false, false));
    }

    @Test
    void shouldWaitForATurnThatStartedBeforeTheDeadline() {
        // Given a 1 s turn, then one that starts 2.5 s later (before the 3 s budget ran out) and lasts 3.5 s
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 2_000), new SpeechSpan(3_500, 7_000));

        // When / Then both share a window that ends with the second turn
        assertThat(cutEvery(100, spans, 10_000, OPTIONS)).first()
                .isEqualTo(new WindowPlan(0, 1_000, 7_000, 0, 0, 4_500, false, false));
    }

    @Test
    void shouldStartANewWindowWhenTheNextTurnWouldOverflowTheMaximum() {
        // Given a budget long enough to pack anything, and turns of 20 s and 14 s
        WindowingOptions patient = OPTIONS.withLatencyBudgetMs(60_000);
        List<SpeechSpan> spans = List.of(new SpeechSpan(0, 20_000), new SpeechSpan(21_000, 35_000));

        // When
        List<WindowPlan> plans = cutEvery(500, spans, 40_000, patient);

        // Then the second turn would take the window to 35 s: it opens its own
        assertThat(plans).containsExactly(
                new WindowPlan(0, 0, 20_000, 0, 0, 20_000, false, false),
                new WindowPlan(1, 21_000, 35_000, 0, 0, 14_000, false, true));
    }

    @Test
    void shouldSplitASeventySecondMonologueIntoOverlappingFullWindows() {
        // Given 70 s of uninterrupted speech
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 71_000));

        // When
        List<WindowPlan> plans = cutEvery(500, spans, 80_000, OPTIONS);

        // Then 30 s windows, each starting 5 s before the previous one ends (2.5 s strides on each side), and a
        // remainder window holding the rest
        assertThat(plans).containsExactly(
                new WindowPlan(0, 1_000, 31_000, 0, 2_500, 30_000, false, false),
                new WindowPlan(1, 26_000, 56_000, 2_500, 2_500, 30_000, false, false),
                new WindowPlan(2, 51_000, 71_000, 2_500, 0, 20_000, false, false),
                new WindowPlan(3, 80_000, 80_000, 0, 0, 0, true, true));
        assertThat(plans).allSatisfy(plan -> assertThat(plan.lengthSamples()).isLessThanOrEqualTo(30_000));
    }

    @Test
    void shouldEmitAFullWindowOfAMonologueWithoutWaitingForItsEnd() {
        // Given a monologue in progress, reported open
        WindowCutter cutter = WindowCutter.start(OPTIONS, RATE);
        ScriptedSpeech speech = new ScriptedSpeech(List.of(new SpeechSpan(1_000, 71_000)), 80_000, 250, 500);

        // When / Then the first window is final as soon as the speech has passed its maximum length
        assertThat(cutter.accept(speech.at(31_000))).isEmpty();
        assertThat(cutter.accept(speech.at(31_001)))
                .containsExactly(new WindowPlan(0, 1_000, 31_000, 0, 2_500, 30_000, false, false));
    }

    @Test
    void shouldSkipAWindowWithLessSpeechThanTheMinimum() {
        // Given windows need 1 s of speech, and a 0.5 s turn
        WindowingOptions options = OPTIONS.withMinSpeechMs(1_000);
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 1_500));

        // When / Then only the final marker is left, as window 0
        assertThat(cutEvery(100, spans, 10_000, options))
                .containsExactly(new WindowPlan(0, 10_000, 10_000, 0, 0, 0, true, true));
    }

    @Test
    void shouldEndAChannelWithoutSpeechWithOneEmptyFinalMarker() {
        List<WindowPlan> plans = cutEvery(500, List.of(), 30_000, OPTIONS);

        assertThat(plans).containsExactly(new WindowPlan(0, 30_000, 30_000, 0, 0, 0, true, true));
        assertThat(plans.get(0).isEmptyMarker()).isTrue();
    }

    @Test
    void shouldMarkTheWindowStillPendingAtTheEndOfTheStreamAsTheLast() {
        // Given a turn that ends 0.5 s before the stream does, inside its budget
        List<SpeechSpan> spans = List.of(new SpeechSpan(1_000, 2_000));

        // When / Then its window is the last plan, with no marker after it
        assertThat(cutEvery(100, spans, 2_500, OPTIONS))
                .containsExactly(new WindowPlan(0, 1_000, 2_000, 0, 0, 1_000, false, true));
    }

    @Test
    void shouldRefuseToFinishWhileSpeechIsStillOpen() {
        WindowCutter cutter = WindowCutter.start(OPTIONS, RATE);
        SpeechUpdate open = new SpeechUpdate(5_000, 5_000, List.of(), Optional.of(new SpeechSpan(1_000, 5_000)));

        assertThatThrownBy(() -> cutter.finish(open))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("final update");
    }

    @Test
    void shouldRefuseInputAfterFinishing() {
        WindowCutter cutter = WindowCutter.start(OPTIONS, RATE);
        cutter.finish(SpeechUpdate.finalUpdate(100, List.of()));

        assertThatThrownBy(() -> cutter.accept(SpeechUpdate.finalUpdate(200, List.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToResumeFromAChunkedState() {
        assertThatThrownBy(() -> WindowCutter.resume(OPTIONS, RATE, ChunkState.initial()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHUNKED state cannot resume a UTTERANCE cutter");
    }

    /** Cuts with updates every {@code step} samples, no detector delays. */
    static List<WindowPlan> cutEvery(long step, List<SpeechSpan> spans, long total, WindowingOptions options) {
        List<Long> positions = LongStream.iterate(step, p -> p < total, p -> p + step).boxed()
                .collect(Collectors.toList());
        positions.add(total);
        return ScriptedSpeech.feed(WindowCutter.start(options, RATE), new ScriptedSpeech(spans, total, 0, 0),
                positions);
    }
}
