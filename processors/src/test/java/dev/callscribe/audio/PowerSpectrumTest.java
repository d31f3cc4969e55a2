package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerSpectrumTest {

    @ParameterizedTest(name = "n_fft {0}")
    @ValueSource(ints = {2, 16, 64, 400})
    void shouldMatchADirectDftOfTheHannWindowedFrame(int nFft) {
        // Given a frame of noise
        float[] noise = Signals.noise(nFft, nFft, 1.0);
        double[] frame = new double[nFft];
        for (int i = 0; i < nFft; i++) {
            frame[i] = noise[i];
        }

        // When
        double[] power = new double[nFft / 2 + 1];
        new PowerSpectrum(nFft).compute(frame, power);

        // Then
        double[] expected = directPowerSpectrum(frame);
        for (int k = 0; k < power.length; k++) {
            assertThat(power[k]).as("bin %d", k).isCloseTo(expected[k], within(1e-9 * nFft));
        }
    }

    @ParameterizedTest(name = "n {0}")
    @ValueSource(ints = {8, 400})
    void shouldUseThePeriodicHannWindow(int n) {
        // When
        double[] window = PowerSpectrum.periodicHann(n);

        // Then it starts at zero, peaks at n/2 and is symmetric about it (not about (n-1)/2)
        assertThat(window[0]).isZero();
        assertThat(window[n / 2]).isCloseTo(1.0, within(1e-15));
        for (int i = 1; i < n; i++) {
            assertThat(window[i]).isCloseTo(window[n - i], within(1e-15));
        }
    }

    /** The O(n^2) DFT of the periodic-Hann-windowed frame, bins 0..n/2. */
    static double[] directPowerSpectrum(double[] frame) {
        int n = frame.length;
        double[] power = new double[n / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            double re = 0.0;
            double im = 0.0;
            for (int i = 0; i < n; i++) {
                double windowed = frame[i] * (0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n));
                double angle = 2.0 * Math.PI * k * i / n;
                re += windowed * Math.cos(angle);
                im -= windowed * Math.sin(angle);
            }
            power[k] = re * re + im * im;
        }
        return power;
    }
}
