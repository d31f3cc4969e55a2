package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gate on hand-written scores, at a rate of 1000 Hz so one sample is one millisecond: 10 ms frames, 50 ms
 * minimum speech, 100 ms hangover, 20 ms padding.
 */
class HysteresisGateTest {

    private static final int RATE = 1_000;
    private static final int FRAME = 10;
    private static final VadOptions OPTIONS = VadOptions.defaults().withFrameMs(FRAME).withThresholds(0.6, 0.3)
            .withDurations(50, 100, 20);

    @Test
    void shouldNotStartSpeechOnScoresBetweenTheThresholds() {
        // Given scores that would keep speech going but never start it
        double[] scores = repeat(0.5, 100);

        // When / Then
        assertThat(run(scores)).isEmpty();
    }

    @Test
    void shouldKeepSpeechGoingOnScoresBetweenTheThresholds() {
        // Given one frame that starts speech, then 20 frames that only keep it going, then silence
        double[] scores = concat(repeat(0, 10), repeat(0.9, 1), repeat(0.4, 19), repeat(0, 20));

        // When
        List<SpeechSpan> spans = run(scores);

        // Then one span from 100 ms to 300 ms, padded by 20 ms each side
        assertThat(spans).containsExactly(new SpeechSpan(80, 320));
    }

    @Test
    void shouldBridgeADipShorterThanTheHangover() {
        // Given 100 ms of speech, a 90 ms dip, 100 ms of speech
        double[] scores = concat(repeat(0, 10), repeat(1, 10), repeat(0, 9), repeat(1, 10), repeat(0, 20));

        // When / Then it stays one span
        assertThat(run(scores)).containsExactly(new SpeechSpan(80, 410));
    }

    @Test
    void shouldSplitAtADipAsLongAsTheHangover() {
        // Given 100 ms of speech, a 100 ms dip, 100 ms of speech
        double[] scores = concat(repeat(0, 10), repeat(1, 10), repeat(0, 10), repeat(1, 10), repeat(0, 20));

        // When / Then two spans
        assertThat(run(scores)).containsExactly(new SpeechSpan(80, 220), new SpeechSpan(280, 420));
    }

    @Test
    void shouldDropABlipShorterThanTheMinimumSpeech() {
        // Given 40 ms of speech-like frames in silence
        double[] scores = concat(repeat(0, 10), repeat(1, 4), repeat(0, 20));

        // When / Then
        assertThat(run(scores)).isEmpty();
    }

    @Test
    void shouldKeepSpeechAsLongAsTheMinimum() {
        double[] scores = concat(repeat(0, 10), repeat(1, 5), repeat(0, 20));

        assertThat(run(scores)).containsExactly(new SpeechSpan(80, 170));
    }

    @Test
    void shouldClampPaddingToTheStreamStartAndThePreviousSpan() {
        // Given speech from the first frame, and a second span whose padding would reach into the first one's
        VadOptions widePadding = OPTIONS.withDurations(50, 100, 100);
        double[] scores = concat(repeat(1, 10), repeat(0, 10), repeat(1, 10), repeat(0, 10));

        // When
        List<SpeechSpan> spans = run(scores, widePadding);

        // Then
        assertThat(spans).containsExactly(new SpeechSpan(0, 200), new SpeechSpan(200, 400));
    }

    @Test
    void shouldReportOnlyConfirmedSpeechAsOpen() {
        // Given a gate that has seen 30 ms of speech, less than the 50 ms minimum
        HysteresisGate gate = new HysteresisGate(OPTIONS, RATE, GateState.initial());
        List<SpeechSpan> closed = new ArrayList<>();
        feed(gate, concat(repeat(0, 10), repeat(1, 3)), closed);

        // Then nothing is open yet, and the verdict is settled only up to the candidate's padded start
        assertThat(gate.openSpan(130)).isEmpty();
        assertThat(gate.settledSample(130, 130)).isEqualTo(80);

        // When two more speech frames arrive
        feed(gate, repeat(1, 2), 130, closed);

        // Then the span is open up to where it is sure to reach (last speech frame + padding), and settled there
        assertThat(gate.openSpan(150)).isEqualTo(Optional.of(new SpeechSpan(80, 150)));
        assertThat(gate.settledSample(150, 150)).isEqualTo(150);
    }

    @Test
    void shouldCloseOpenSpeechAtFlushWithinTheStream() {
        // Given speech until the end of the stream
        HysteresisGate gate = new HysteresisGate(OPTIONS, RATE, GateState.initial());
        List<SpeechSpan> closed = new ArrayList<>();
        feed(gate, concat(repeat(0, 10), repeat(1, 10)), closed);

        // When the stream ends 5 ms after the last frame
        gate.flush(205, closed);

        // Then the padding is cut at the stream's end
        assertThat(closed).containsExactly(new SpeechSpan(80, 205));
    }

    private static List<SpeechSpan> run(double[] scores) {
        return run(scores, OPTIONS);
    }

    private static List<SpeechSpan> run(double[] scores, VadOptions options) {
        HysteresisGate gate = new HysteresisGate(options, RATE, GateState.initial());
        List<SpeechSpan> closed = new ArrayList<>();
        feed(gate, scores, closed);
        gate.flush((long) scores.length * FRAME, closed);
        return closed;
    }

    private static void feed(HysteresisGate gate, double[] scores, List<SpeechSpan> closed) {
        feed(gate, scores, 0, closed);
    }

    private static void feed(HysteresisGate gate, double[] scores, long from, List<SpeechSpan> closed) {
        for (int k = 0; k < scores.length; k++) {
            long start = from + (long) k * FRAME;
            gate.onFrame(start, start + FRAME, scores[k], closed);
        }
    }

    private static double[] repeat(double score, int frames) {
        double[] out = new double[frames];
        Arrays.fill(out, score);
        return out;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}
