package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpectralFrameClassifierTest {

    private static final double LEVEL_DBFS = -26.0;
    private static final VadOptions OPTIONS = VadOptions.defaults();

    static Stream<Arguments> noises() {
        return Stream.of(8_000, 16_000, 44_100, 48_000).flatMap(rate -> Stream.of(
                Arguments.of("white", rate, (IntFunction<float[]>) n -> Sounds.whiteNoise(rate, n, LEVEL_DBFS)),
                Arguments.of("pink", rate, (IntFunction<float[]>) n -> Sounds.pinkNoise(rate, n, LEVEL_DBFS)),
                Arguments.of("brown", rate, (IntFunction<float[]>) n -> Sounds.brownNoise(rate, n, LEVEL_DBFS)),
                Arguments.of("50 Hz hum", rate, (IntFunction<float[]>) n -> Sounds.hum(rate, n, LEVEL_DBFS))));
    }

    @ParameterizedTest(name = "{0} noise at {1} Hz")
    @MethodSource("noises")
    void shouldScoreStationaryNoiseAtSpeechLevelBelowTheOffThreshold(String noise, int rate,
                                                                     IntFunction<float[]> signal) {
        // Given ten seconds of noise at a speech-like level
        float[] audio = signal.apply(10 * rate);

        // When every frame is scored
        double[] scores = frameScores(audio, rate);

        // Then no frame reaches even the threshold that keeps speech going
        System.out.printf("%s noise at %d Hz: highest frame score %.3f%n", noise, rate, max(scores));
        assertThat(max(scores)).isLessThan(OPTIONS.speechOffScore());
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 16_000, 44_100, 48_000})
    void shouldScoreTonesInTheSpeechBandAsSpeech(int rate) {
        for (double frequency : new double[] {350, 440, 1000, 2000, 3300}) {
            // Given a second of a tone inside 300-3400 Hz
            float[] audio = Sounds.tone(frequency, rate, rate, LEVEL_DBFS);

            // When / Then every frame scores as speech
            assertThat(min(frameScores(audio, rate))).as("%s Hz", frequency).isGreaterThanOrEqualTo(0.99);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 16_000, 48_000})
    void shouldScoreAVoicedVowelAsSpeech(int rate) {
        // Given a second of a synthetic vowel (120 Hz voice, formants at 700, 1200 and 2600 Hz)
        float[] audio = Sounds.vowel(rate, rate, LEVEL_DBFS);

        // When / Then every frame scores above the threshold that starts speech
        assertThat(min(frameScores(audio, rate))).isGreaterThanOrEqualTo(OPTIONS.speechOnScore());
    }

    @Test
    void shouldScoreATwoHundredHertzToneAsHumNotSpeech() {
        // Given a tone below the speech band
        float[] audio = Sounds.tone(200, 8_000, 8_000, LEVEL_DBFS);

        // When / Then
        assertThat(max(frameScores(audio, 8_000))).isZero();
    }

    @Test
    void shouldScoreDigitalSilenceAsZero() {
        SpectralFrameClassifier classifier = SpectralFrameClassifier.forOptions(OPTIONS, 8_000);

        assertThat(classifier.speechScore(new float[240])).isZero();
    }

    @Test
    void shouldRefuseRatesBelow8kHzWhoseNyquistCutsTheSpeechBand() {
        assertThatThrownBy(() -> new SpectralFrameClassifier(6_000, 180))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8000");
    }

    @Test
    void shouldRefuseAFrameOfTheWrongLength() {
        SpectralFrameClassifier classifier = SpectralFrameClassifier.forOptions(OPTIONS, 8_000);

        assertThatThrownBy(() -> classifier.speechScore(new float[100]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("240");
    }

    static double[] frameScores(float[] audio, int rate) {
        int frame = OPTIONS.frameSamples(rate);
        SpectralFrameClassifier classifier = new SpectralFrameClassifier(rate, frame);
        double[] scores = new double[audio.length / frame];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = classifier.speechScore(Arrays.copyOfRange(audio, k * frame, (k + 1) * frame));
        }
        return scores;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
