package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelFilterBankTest {

    private static final int N_FFT = 400;
    private static final int RATE = 16_000;
    private static final double BIN_HZ = (double) RATE / N_FFT;

    @ParameterizedTest(name = "{0} mel bands")
    @ValueSource(ints = {80, 128})
    void shouldHaveOneFilterPerBandOverTheOneSidedSpectrum(int nMels) {
        MelFilterBank bank = MelFilterBank.slaney(nMels, N_FFT, RATE);

        assertThat(bank.numMels()).isEqualTo(nMels);
        assertThat(bank.numBins()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} mel bands")
    @ValueSource(ints = {80, 128})
    void shouldHaveNonNegativeFiltersWhosePeaksRiseWithTheBand(int nMels) {
        // Given
        MelFilterBank bank = MelFilterBank.slaney(nMels, N_FFT, RATE);

        // Then each filter is non-negative, not empty, and peaks no lower in frequency than the one before (at 128
        // bands the lowest filters are narrower than a bin, so neighbours can share their peak bin)
        int previousPeak = -1;
        double previousCentroid = -1.0;
        for (int m = 0; m < nMels; m++) {
            int peak = 0;
            double sum = 0.0;
            double moment = 0.0;
            for (int k = 0; k < bank.numBins(); k++) {
                assertThat(bank.weight(m, k)).isGreaterThanOrEqualTo(0.0);
                peak = bank.weight(m, k) > bank.weight(m, peak) ? k : peak;
                sum += bank.weight(m, k);
                moment += k * bank.weight(m, k);
            }
            assertThat(sum).as("filter %d", m).isPositive();
            assertThat(peak).as("peak of filter %d", m).isGreaterThanOrEqualTo(previousPeak);
            assertThat(moment / sum).as("centroid of filter %d", m).isGreaterThanOrEqualTo(previousCentroid);
            previousPeak = peak;
            previousCentroid = moment / sum;
        }
        assertThat(previousPeak).isGreaterThan(190);
    }

    @ParameterizedTest(name = "{0} mel bands")
    @ValueSource(ints = {80, 128})
    void shouldNormaliseEachFilterToUnitAreaInHertz(int nMels) {
        // Given
        MelFilterBank bank = MelFilterBank.slaney(nMels, N_FFT, RATE);

        // Then filters wide enough to be sampled well (5 bins and more) have area 1 in Hz, up to sampling error
        int checked = 0;
        for (int m = 0; m < nMels; m++) {
            double width = MelFilterBank.melToHz(edgeMel(m + 2, nMels)) - MelFilterBank.melToHz(edgeMel(m, nMels));
            if (width >= 5 * BIN_HZ) {
                double area = 0.0;
                for (int k = 0; k < bank.numBins(); k++) {
                    area += bank.weight(m, k) * BIN_HZ;
                }
                assertThat(area).as("area of filter %d", m).isCloseTo(1.0, within(0.02));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void shouldUseTheSlaneyMelScaleLinearBelow1kHzAndLogarithmicAbove() {
        assertThat(MelFilterBank.hzToMel(0.0)).isZero();
        assertThat(MelFilterBank.hzToMel(500.0)).isCloseTo(7.5, within(1e-12));
        assertThat(MelFilterBank.hzToMel(1000.0)).isCloseTo(15.0, within(1e-12));
        assertThat(MelFilterBank.hzToMel(6400.0)).isCloseTo(42.0, within(1e-12));
        for (double hz : new double[] {0.0, 123.0, 999.0, 1000.0, 4321.0, 8000.0}) {
            assertThat(MelFilterBank.melToHz(MelFilterBank.hzToMel(hz))).isCloseTo(hz, within(1e-9));
        }
    }

    @Test
    void shouldLeaveBandsNarrowerThanABinEmptyRatherThanFail() {
        // Given far more bands than the 201 bins can resolve
        MelFilterBank bank = MelFilterBank.slaney(400, N_FFT, RATE);
        double[] power = new double[bank.numBins()];
        Arrays.fill(power, 1.0);
        double[] energies = new double[bank.numMels()];

        // When
        bank.apply(power, energies);

        // Then
        assertThat(energies).contains(0.0);
        assertThat(Arrays.stream(energies).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    }

    /** Mel point {@code i} of the {@code nMels + 2} evenly spaced from 0 Hz to 8 kHz. */
    private static double edgeMel(int i, int nMels) {
        return i * MelFilterBank.hzToMel(RATE / 2.0) / (nMels + 1);
    }
}
