package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeechDetectorTest {

    private static final VadOptions OPTIONS = VadOptions.defaults();
    private static final int RATE = 8_000;
    private static final int PAD = RATE * OPTIONS.speechPadMs() / 1000;
    private static final int FRAME = OPTIONS.frameSamples(RATE);

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 16_000, 44_100, 48_000})
    void shouldFindTheToneButNeitherSilenceNorNoiseOfEqualEnergy(int rate) {
        // Given silence, a 1 kHz tone, silence, white noise, silence, pink noise, silence; tone and noises at -20 dBFS
        float[] audio = Sounds.concat(Sounds.silence(rate), Sounds.tone(1000, rate, 2 * rate, -20),
                Sounds.silence(rate), Sounds.whiteNoise(1, 2 * rate, -20), Sounds.silence(rate),
                Sounds.pinkNoise(2, 2 * rate, -20), Sounds.silence(rate));

        // When
        List<SpeechSpan> spans = detectWhole(audio, rate);

        // Then one span: the tone, padded by 300 ms each side, give or take a frame at its edges (the frame that
        // straddles the abrupt onset may score as a click)
        int pad = rate * OPTIONS.speechPadMs() / 1000;
        int frame = OPTIONS.frameSamples(rate);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).startSample()).isBetween((long) rate - pad - frame, (long) rate - pad + frame);
        assertThat(spans.get(0).endSample()).isBetween(3L * rate + pad, 3L * rate + pad + frame);
    }

    @Test
    void shouldFindAVoicedVowelAndKeepItOneSpanAcrossAShortPause() {
        // Given a vowel, a 200 ms pause (shorter than the 500 ms hangover), the vowel again
        float[] audio = Sounds.concat(Sounds.silence(RATE), Sounds.vowel(RATE, RATE, -25),
                Sounds.silence(RATE / 5), Sounds.vowel(RATE, RATE, -25), Sounds.silence(RATE));

        // When / Then one span
        assertThat(detectWhole(audio, RATE)).hasSize(1);
    }

    @Test
    void shouldSplitSpeechAtAPauseLongerThanTheHangover() {
        float[] audio = Sounds.concat(Sounds.silence(RATE), Sounds.vowel(RATE, RATE, -25),
                Sounds.silence(RATE), Sounds.vowel(RATE, RATE, -25), Sounds.silence(RATE));

        assertThat(detectWhole(audio, RATE)).hasSize(2);
    }

    @Test
    void shouldIgnoreAShortBeepInSilence() {
        // Given a 100 ms tone, shorter than the 250 ms minimum speech
        float[] audio = Sounds.concat(Sounds.silence(RATE), Sounds.tone(1000, RATE, RATE / 10, -20),
                Sounds.silence(RATE));

        // When / Then
        assertThat(detectWhole(audio, RATE)).isEmpty();
    }

    @Test
    void shouldNotDetectSpeechBelowTheEnergyFloor() {
        // Given a vowel at -60 dBFS, below the -50 dBFS floor
        float[] audio = Sounds.concat(Sounds.silence(RATE), Sounds.vowel(RATE, 2 * RATE, -60), Sounds.silence(RATE));

        // When / Then
        assertThat(detectWhole(audio, RATE)).isEmpty();
    }

    @Test
    void shouldReportSpeechInProgressAsOpenAndCloseItLaterWithTheSameStart() {
        // Given one second of silence and one of a tone, fed so far
        SpeechDetector detector = SpeechDetector.start(OPTIONS, RATE);
        SpeechUpdate during = detector.accept(Sounds.concat(Sounds.silence(RATE), Sounds.tone(1000, RATE, RATE, -20)));

        // When the tone stops and a second of silence follows
        SpeechUpdate after = detector.accept(Sounds.silence(RATE));

        // Then the span was open during the tone, from its padded start to the tone's end plus padding
        assertThat(during.closedSpans()).isEmpty();
        SpeechSpan open = during.openSpan().orElseThrow();
        assertThat(open.startSample()).isBetween((long) RATE - PAD - FRAME, (long) RATE - PAD + FRAME);
        assertThat(open.endSample()).isEqualTo(2L * RATE);
        assertThat(during.settledSample()).isEqualTo(open.endSample());
        // and is closed once the hangover has passed, with the same start and the padded end (give or take the frame
        // that straddles the tone's abrupt end)
        assertThat(after.openSpan()).isEmpty();
        assertThat(after.closedSpans()).hasSize(1);
        assertThat(after.closedSpans().get(0).startSample()).isEqualTo(open.startSample());
        assertThat(after.closedSpans().get(0).endSample()).isBetween(2L * RATE + PAD - FRAME, 2L * RATE + PAD);
    }

    @Test
    void shouldCloseSpeechThatRunsToTheEndOfTheStreamWhenFlushed() {
        // Given a stream that ends inside a tone
        SpeechDetector detector = SpeechDetector.start(OPTIONS, RATE);
        detector.accept(Sounds.concat(Sounds.silence(RATE), Sounds.tone(1000, RATE, RATE + 100, -20)));

        // When
        SpeechUpdate last = detector.flush();

        // Then the span ends at the end of the stream, and everything is settled
        assertThat(last.closedSpans()).hasSize(1);
        assertThat(last.closedSpans().get(0).endSample()).isEqualTo(2L * RATE + 100);
        assertThat(last.isFinal()).isTrue();
    }

    @Test
    void shouldRefuseSamplesAfterFlush() {
        SpeechDetector detector = SpeechDetector.start(OPTIONS, RATE);
        detector.flush();

        assertThatThrownBy(() -> detector.accept(new float[10])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAStateMadeWithAnotherFrameLength() {
        // Given a state holding 200 pending samples of 30 ms frames at 8 kHz
        SpeechDetector detector = SpeechDetector.start(OPTIONS, RATE);
        detector.accept(new float[200]);
        VadState state = detector.state();

        // When / Then resuming with 20 ms frames (160 samples) is refused
        assertThatThrownBy(() -> SpeechDetector.resume(OPTIONS.withFrameMs(20), RATE, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other options or another rate");
    }

    static List<SpeechSpan> detectWhole(float[] audio, int rate) {
        SpeechDetector detector = SpeechDetector.start(OPTIONS, rate);
        List<SpeechSpan> spans = new ArrayList<>(detector.accept(audio).closedSpans());
        spans.addAll(detector.flush().closedSpans());
        return spans;
    }
}
