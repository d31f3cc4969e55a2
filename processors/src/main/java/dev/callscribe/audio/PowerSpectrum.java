package dev.callscribe.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The power spectrum {@code |X[k]|^2}, {@code k = 0 .. nFft/2}, of one frame multiplied by a periodic Hann window
 * ({@code torch.hann_window(nFft)}, i.e. {@code 0.5 - 0.5 cos(2 pi i / nFft)}).
 *
 * <p>The FFT is JTransforms' {@link DoubleFFT_1D} (mixed radix; 400 = 2^4 x 5^2). Double precision keeps the
 * round-off of quiet bins far below the 1e-4 target after the log: bins down to 80 dB below the loudest still
 * count, and a float FFT's noise floor (about 1e-7 of the frame's energy) would show in them. At 400 points the
 * double transform costs a few microseconds, a small part of a window's time. Not thread-safe: it reuses buffers.
 */
final class PowerSpectrum {

    private final int nFft;
    private final double[] window;
    private final double[] buffer;
    private final DoubleFFT_1D fft;

    PowerSpectrum(int nFft) {
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("FFT size must be even and at least 2; got " + nFft);
        }
        this.nFft = nFft;
        this.window = periodicHann(nFft);
        this.buffer = new double[nFft];
        this.fft = new DoubleFFT_1D(nFft);
    }

    /** The periodic Hann window of length {@code n}: {@code 0.5 - 0.5 cos(2 pi i / n)}. */
    static double[] periodicHann(int n) {
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n);
        }
        return window;
    }

    /** The number of output bins, {@code nFft / 2 + 1}. */
    int numBins() {
        return nFft / 2 + 1;
    }

    /**
     * Windows {@code frame} and writes its power spectrum into {@code power}.
     *
     * @param frame {@code nFft} samples; not modified
     * @param power receives {@link #numBins()} values
     */
    void compute(double[] frame, double[] power) {
        for (int i = 0; i < nFft; i++) {
            buffer[i] = frame[i] * window[i];
        }
        fft.realForward(buffer);
        // JTransforms' packed layout for even n: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...].
        int half = nFft / 2;
        power[0] = buffer[0] * buffer[0];
        power[half] = buffer[1] * buffer[1];
        for (int k = 1; k < half; k++) {
            double re = buffer[2 * k];
            double im = buffer[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }
}
