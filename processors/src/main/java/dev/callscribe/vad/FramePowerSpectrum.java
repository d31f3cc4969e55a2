package dev.callscribe.vad;

/**
 * The power spectrum of one frame: mean removed, periodic Hann window, zero-padded to a power of two, radix-2 FFT.
 * Written out here (about thirty lines) so this package needs nothing beyond the JDK.
 *
 * <p>Immutable after construction and thread-safe: each call works on its own arrays.
 */
final class FramePowerSpectrum {

    private final int frameSamples;
    private final int fftSize;
    private final double[] window;
    private final double[] cosines;
    private final double[] sines;

    /** @param frameSamples samples per frame; at least 2 */
    FramePowerSpectrum(int frameSamples) {
        if (frameSamples < 2) {
            throw new IllegalArgumentException("frameSamples must be at least 2; got " + frameSamples);
        }
        this.frameSamples = frameSamples;
        this.fftSize = Integer.highestOneBit(frameSamples - 1) << 1;
        this.window = new double[frameSamples];
        for (int i = 0; i < frameSamples; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSamples);
        }
        this.cosines = new double[fftSize / 2];
        this.sines = new double[fftSize / 2];
        for (int k = 0; k < fftSize / 2; k++) {
            cosines[k] = Math.cos(2 * Math.PI * k / fftSize);
            sines[k] = Math.sin(2 * Math.PI * k / fftSize);
        }
    }

    /** Points of the transform; bin {@code k} lies at {@code k * sampleRate / fftSize()} Hz. */
    int fftSize() {
        return fftSize;
    }

    /**
     * The power in bins 0 to {@code fftSize / 2} (DC to Nyquist).
     *
     * @param frame exactly {@code frameSamples} samples
     */
    double[] power(float[] frame) {
        if (frame.length != frameSamples) {
            throw new IllegalArgumentException("expected a frame of " + frameSamples + " samples; got "
                    + frame.length);
        }
        double mean = 0;
        for (float sample : frame) {
            mean += sample;
        }
        mean /= frameSamples;
        double[] re = new double[fftSize];
        double[] im = new double[fftSize];
        for (int i = 0; i < frameSamples; i++) {
            re[i] = (frame[i] - mean) * window[i];
        }
        transform(re, im);
        double[] power = new double[fftSize / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }

    /** In-place iterative radix-2 decimation-in-time FFT. */
    private void transform(double[] re, double[] im) {
        bitReverse(re, im);
        for (int half = 1; half < fftSize; half <<= 1) {
            int twiddleStep = fftSize / (2 * half);
            for (int block = 0; block < fftSize; block += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cosines[k * twiddleStep];
                    double wi = -sines[k * twiddleStep];
                    int a = block + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    private void bitReverse(double[] re, double[] im) {
        for (int i = 1, j = 0; i < fftSize; i++) {
            int bit = fftSize >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double swap = re[i];
                re[i] = re[j];
                re[j] = swap;
                swap = im[i];
                im[i] = im[j];
                im[j] = swap;
            }
        }
    }
}
