package dev.callscribe.audio;

import java.util.Arrays;

/**
 * Triangular mel filters on the Slaney mel scale with Slaney area normalisation: the filter bank of
 * {@code librosa.filters.mel(sr, n_fft, n_mels)} with its defaults ({@code htk=False}, {@code norm="slaney"},
 * {@code fmin=0}, {@code fmax=sr/2}), which Whisper ships as {@code mel_filters.npz} and Hugging Face computes as
 * {@code mel_filter_bank(..., norm="slaney", mel_scale="slaney")}. Computed here in double precision.
 *
 * <p>Filter {@code m} rises from mel point {@code m} to {@code m + 1} and falls to {@code m + 2}, over
 * {@code n_mels + 2} points evenly spaced in mel between 0 Hz and the Nyquist frequency; it is scaled by
 * {@code 2 / (f[m + 2] - f[m])}, so its triangle has unit area in Hz. Only each filter's non-zero span is stored.
 * Immutable and thread-safe.
 */
public final class MelFilterBank {

    /** Hz per mel on the linear part of the Slaney scale (below 1 kHz). */
    private static final double HZ_PER_MEL = 200.0 / 3.0;
    private static final double LOG_REGION_START_HZ = 1000.0;
    private static final double LOG_REGION_START_MEL = LOG_REGION_START_HZ / HZ_PER_MEL;
    /** Mel step of the logarithmic part: 27 mels per factor of 6.4 in frequency. */
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int numBins;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterBank(int numBins, int[] firstBin, double[][] weights) {
        this.numBins = numBins;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /**
     * The Slaney filter bank for {@code nMels} bands over the {@code nFft / 2 + 1} bins of an {@code nFft}-point
     * spectrum at {@code samplingRate} Hz, from 0 Hz to {@code samplingRate / 2}. Bands narrower than a bin may
     * come out empty (all zero), as in librosa.
     */
    public static MelFilterBank slaney(int nMels, int nFft, int samplingRate) {
        if (nMels <= 0 || nFft <= 0 || samplingRate <= 0) {
            throw new IllegalArgumentException("mel bands, FFT size and sampling rate must be positive; got "
                    + nMels + ", " + nFft + ", " + samplingRate);
        }
        int numBins = nFft / 2 + 1;
        double[] edgesHz = melEdgesHz(nMels, samplingRate / 2.0);
        double binHz = (double) samplingRate / nFft;
        int[] firstBin = new int[nMels];
        double[][] weights = new double[nMels][];
        for (int m = 0; m < nMels; m++) {
            double[] full = triangle(edgesHz[m], edgesHz[m + 1], edgesHz[m + 2], binHz, numBins);
            firstBin[m] = firstNonZero(full);
            weights[m] = Arrays.copyOfRange(full, firstBin[m], lastNonZero(full) + 1);
        }
        return new MelFilterBank(numBins, firstBin, weights);
    }

    /** Hz to mel on the Slaney scale: linear below 1 kHz, logarithmic above. */
    public static double hzToMel(double hz) {
        if (hz < LOG_REGION_START_HZ) {
            return hz / HZ_PER_MEL;
        }
        return LOG_REGION_START_MEL + Math.log(hz / LOG_REGION_START_HZ) / LOG_STEP;
    }

    /** Mel to Hz on the Slaney scale; the inverse of {@link #hzToMel(double)}. */
    public static double melToHz(double mel) {
        if (mel < LOG_REGION_START_MEL) {
            return mel * HZ_PER_MEL;
        }
        return LOG_REGION_START_HZ * Math.exp(LOG_STEP * (mel - LOG_REGION_START_MEL));
    }

    /** The number of filters. */
    public int numMels() {
        return weights.length;
    }

    /** The number of spectrum bins each filter spans, {@code nFft / 2 + 1}. */
    public int numBins() {
        return numBins;
    }

    /** The weight of {@code bin} in filter {@code mel}. */
    public double weight(int mel, int bin) {
        int index = bin - firstBin[mel];
        return index >= 0 && index < weights[mel].length ? weights[mel][index] : 0.0;
    }

    /**
     * Mel energies of one power spectrum: {@code melEnergies[m] = sum_k weight(m, k) * power[k]}.
     *
     * @param power {@link #numBins()} values
     * @param melEnergies receives {@link #numMels()} values
     */
    public void apply(double[] power, double[] melEnergies) {
        for (int m = 0; m < weights.length; m++) {
            double[] filter = weights[m];
            int first = firstBin[m];
            double sum = 0.0;
            for (int i = 0; i < filter.length; i++) {
                sum += filter[i] * power[first + i];
            }
            melEnergies[m] = sum;
        }
    }

    /** {@code nMels + 2} frequencies evenly spaced in mel from 0 Hz to {@code maxHz} (numpy linspace's rounding). */
    private static double[] melEdgesHz(int nMels, double maxHz) {
        int points = nMels + 2;
        double maxMel = hzToMel(maxHz);
        double step = maxMel / (points - 1);
        double[] hz = new double[points];
        for (int i = 0; i < points - 1; i++) {
            hz[i] = melToHz(i * step);
        }
        hz[points - 1] = melToHz(maxMel);
        return hz;
    }

    /** One Slaney-normalised triangle sampled at every bin, as librosa builds it. */
    private static double[] triangle(double lowHz, double centreHz, double highHz, double binHz, int numBins) {
        double norm = 2.0 / (highHz - lowHz);
        double[] weights = new double[numBins];
        for (int k = 0; k < numBins; k++) {
            double hz = k * binHz;
            double rising = (hz - lowHz) / (centreHz - lowHz);
            double falling = (highHz - hz) / (highHz - centreHz);
            weights[k] = Math.max(0.0, Math.min(rising, falling)) * norm;
        }
        return weights;
    }

    private static int firstNonZero(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0) {
                return i;
            }
        }
        return 0;
    }

    private static int lastNonZero(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] != 0.0) {
                return i;
            }
        }
        return -1;
    }
}
