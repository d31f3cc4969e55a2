package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FramePowerSpectrumTest {

    @Test
    void shouldPutABinCentredToneInItsBinAndItsHannNeighbours() {
        // Given a 256-sample frame of a sine exactly on bin 32
        float[] frame = new float[256];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) Math.cos(2 * Math.PI * 32 * i / 256);
        }

        // When
        double[] power = new FramePowerSpectrum(256).power(frame);

        // Then a periodic Hann window leaves amplitude N/4 in the bin and N/8 in each neighbour, nothing elsewhere
        assertThat(power).hasSize(129);
        assertThat(Math.sqrt(power[32])).isCloseTo(64.0, within(1e-3));
        assertThat(Math.sqrt(power[31])).isCloseTo(32.0, within(1e-3));
        assertThat(Math.sqrt(power[33])).isCloseTo(32.0, within(1e-3));
        assertThat(power[10] + power[50] + power[0]).isLessThan(1e-6);
    }

    @Test
    void shouldZeroPadAFrameToThePowerOfTwoAboveIt() {
        assertThat(new FramePowerSpectrum(240).fftSize()).isEqualTo(256);
        assertThat(new FramePowerSpectrum(1323).fftSize()).isEqualTo(2048);
        assertThat(new FramePowerSpectrum(256).fftSize()).isEqualTo(256);
    }

    @Test
    void shouldIgnoreADcOffset() {
        // Given a constant frame
        float[] frame = new float[240];
        Arrays.fill(frame, 0.5f);

        // When / Then the mean is removed before the transform
        for (double bin : new FramePowerSpectrum(240).power(frame)) {
            assertThat(bin).isLessThan(1e-12);
        }
    }
}
