package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogMelSpectrogramTest {

    /** A scaled-down front-end (1 s windows at 4 kHz) so the direct-DFT oracle below runs in milliseconds. */
    private static final LogMelOptions SMALL = new LogMelOptions(10, 4_000, 64, 16, 1, 4_000, 250);
    private static final float SILENCE = (-10.0f + 4.0f) / 4.0f;

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {0, 10, 2_400, 3_990, 4_000, 6_000})
    void shouldMatchADirectDftStftWithReflectPaddingAndTheLastFrameDropped(int length) {
        // Given a chirp-and-noise signal shorter than, as long as, or longer than the window
        float[] samples = testSignal(length, SMALL.samplingRate());

        // When
        float[] actual = new LogMelSpectrogram(SMALL).compute(samples);

        // Then
        double[] expected = directLogMel(samples, SMALL);
        assertThat(actual).hasSize(SMALL.featureSize() * SMALL.nbMaxFrames());
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("mel %d frame %d", i / 250, i % 250).isCloseTo(expected[i], within(1e-5));
        }
    }

    @Test
    void shouldGiveAConstantOutputForSilence() {
        float[] features = new LogMelSpectrogram(LogMelOptions.defaults()).compute(new float[16_000]);

        assertThat(features).hasSize(80 * 3000).containsOnly(SILENCE);
    }

    @ParameterizedTest(name = "{0} mel bands")
    @ValueSource(ints = {80, 128, 40})
    void shouldGiveAFullWindowOfFeaturesForEmptyAudio(int nMels) {
        float[] features = new LogMelSpectrogram(LogMelOptions.forMels(nMels)).compute(new float[0]);

        assertThat(features).hasSize(nMels * 3000).containsOnly(SILENCE);
    }

    @Test
    void shouldTrimAudioLongerThanThirtySeconds() {
        // Given 31 s of noise
        float[] longAudio = Signals.noise(5, 31 * 16_000, 0.3);
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());

        // When
        float[] features = logMel.compute(longAudio);

        // Then it is the features of the first 30 s
        assertThat(features).hasSize(80 * 3000).isEqualTo(logMel.compute(Arrays.copyOf(longAudio, 480_000)));
    }

    @Test
    void shouldZeroPadShortAudioToThirtySeconds() {
        // Given 3 s of noise
        float[] shortAudio = Signals.noise(6, 3 * 16_000, 0.3);
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());

        // When
        float[] features = logMel.compute(shortAudio);

        // Then it is the features of the audio followed by digital silence, and the silent part is at the floor
        assertThat(features).isEqualTo(logMel.compute(Arrays.copyOf(shortAudio, 480_000)));
        assertThat(features[2999]).as("mel 0, last frame").isEqualTo(features[2000]);
    }

    @Test
    void shouldReadOnlyTheGivenSampleRange() {
        // Given a window's audio inside a larger buffer
        float[] buffer = Signals.noise(8, 40_000, 0.5);
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());

        // When
        float[] features = logMel.compute(buffer, 10_000, 20_000);

        // Then
        assertThat(features).isEqualTo(logMel.compute(Arrays.copyOfRange(buffer, 10_000, 30_000)));
    }

    @Test
    void shouldWriteOneBatchRowWithoutTouchingTheOthers() {
        // Given a [3, 80, 3000] batch buffer filled with a marker
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());
        int row = logMel.options().featuresPerWindow();
        float[] batch = new float[3 * row];
        Arrays.fill(batch, 42.0f);
        float[] audio = Signals.noise(9, 16_000, 0.5);

        // When row 1 is written
        logMel.computeInto(audio, 0, audio.length, batch, row);

        // Then
        assertThat(Arrays.copyOfRange(batch, row, 2 * row)).isEqualTo(logMel.compute(audio));
        assertThat(Arrays.copyOfRange(batch, 0, row)).containsOnly(42.0f);
        assertThat(Arrays.copyOfRange(batch, 2 * row, 3 * row)).containsOnly(42.0f);
    }

    @Test
    void shouldWriteIntoAFloatBufferAtAnAbsoluteIndexLeavingItsPositionAlone() {
        // Given
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());
        int row = logMel.options().featuresPerWindow();
        FloatBuffer batch = FloatBuffer.allocate(2 * row);
        float[] audio = Signals.noise(10, 8_000, 0.5);

        // When
        logMel.computeInto(audio, 0, audio.length, batch, row);

        // Then
        float[] written = new float[row];
        batch.get(row, written);
        assertThat(written).isEqualTo(logMel.compute(audio));
        assertThat(batch.position()).isZero();
    }

    @Test
    void shouldGiveTheSameFeaturesWhenAnInstanceIsReused() {
        // Given an instance that has already processed other audio
        LogMelSpectrogram used = new LogMelSpectrogram(LogMelOptions.defaults());
        used.compute(Signals.noise(11, 100_000, 1.0));
        float[] audio = Signals.noise(12, 50_000, 0.2);

        // Then
        assertThat(used.compute(audio)).isEqualTo(new LogMelSpectrogram(LogMelOptions.defaults()).compute(audio));
    }

    @Test
    void shouldRejectADestinationTooSmallForAWindow() {
        LogMelSpectrogram logMel = new LogMelSpectrogram(LogMelOptions.defaults());

        assertThatThrownBy(() -> logMel.computeInto(new float[10], 0, 10, new float[240_000], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("destination range [1, 1 + 240000)");
    }

    /** A rising chirp plus a little noise, so every band and frame carries signal. */
    private static float[] testSignal(int length, int rate) {
        float[] noise = Signals.noise(length, length, 0.05);
        float[] samples = new float[length];
        for (int n = 0; n < length; n++) {
            double t = (double) n / rate;
            samples[n] = (float) (0.5 * Math.sin(2.0 * Math.PI * (50.0 + 900.0 * t) * t)) + noise[n];
        }
        return samples;
    }

    /** Whisper's log-mel written out step by step, with a direct DFT, in double precision. */
    private static double[] directLogMel(float[] samples, LogMelOptions options) {
        int nSamples = options.nSamples();
        int pad = options.nFft() / 2;
        double[] padded = new double[nSamples + 2 * pad];
        for (int j = 0; j < padded.length; j++) {
            int i = j - pad;
            int reflected = i < 0 ? -i : i >= nSamples ? 2 * (nSamples - 1) - i : i;
            padded[j] = reflected < samples.length ? samples[reflected] : 0.0;
        }
        MelFilterBank bank = MelFilterBank.slaney(options.featureSize(), options.nFft(), options.samplingRate());
        int allFrames = 1 + nSamples / options.hopLength();
        int frames = allFrames - 1;
        double[] logMel = new double[options.featureSize() * frames];
        for (int t = 0; t < frames; t++) {
            double[] frame = Arrays.copyOfRange(padded, t * options.hopLength(), t * options.hopLength() + 2 * pad);
            double[] power = PowerSpectrumTest.directPowerSpectrum(frame);
            for (int m = 0; m < options.featureSize(); m++) {
                double energy = 0.0;
                for (int k = 0; k < power.length; k++) {
                    energy += bank.weight(m, k) * power[k];
                }
                logMel[m * frames + t] = Math.log10(Math.max(energy, 1e-10));
            }
        }
        double max = Arrays.stream(logMel).max().orElseThrow();
        return Arrays.stream(logMel).map(x -> (Math.max(x, max - 8.0) + 4.0) / 4.0).toArray();
    }
}
