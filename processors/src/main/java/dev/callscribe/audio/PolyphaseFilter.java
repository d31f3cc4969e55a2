package dev.callscribe.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coefficients of a rational-ratio resampler: a Kaiser-windowed sinc low-pass sampled at every output phase.
 *
 * <p>The ratio is {@code L/M} in lowest terms ({@code L = out / gcd}, {@code M = in / gcd}). Output sample {@code n}
 * sits at input time {@code t = n M / L}; with {@code c = floor(t)} and {@code phase = n M mod L} it is
 * {@code sum_i x[c - tapsBefore + 1 + i] * coefficients[phase][i]}, which is zero-phase: no delay to compensate. The
 * low-pass cuts at {@value #ROLLOFF} of the lower rate's Nyquist frequency, so both anti-aliasing (down) and
 * anti-imaging (up) are covered. Immutable; instances are cached per rate pair and shared across threads.
 */
final class PolyphaseFilter {

    /** Cut-off as a fraction of the lower rate's Nyquist frequency: 7.6 kHz when the output is 16 kHz. */
    static final double ROLLOFF = 0.95;
    /** Half-length of the window, in samples at the lower rate: sets the transition width (about 0.7 kHz at 16 kHz). */
    static final int HALF_LENGTH_LOWER_RATE_SAMPLES = 64;
    /** Kaiser shape: beta 9 gives about 90 dB of stop-band attenuation. */
    static final double KAISER_BETA = 9.0;

    private static final Map<Long, PolyphaseFilter> CACHE = new ConcurrentHashMap<>();

    private final int upFactor;
    private final int downFactor;
    private final int tapsBefore;
    private final int lookahead;
    private final double[][] coefficients;

    private PolyphaseFilter(int upFactor, int downFactor, int tapsBefore, int lookahead, double[][] coefficients) {
        this.upFactor = upFactor;
        this.downFactor = downFactor;
        this.tapsBefore = tapsBefore;
        this.lookahead = lookahead;
        this.coefficients = coefficients;
    }

    /** The shared filter for one rate pair, designed on first use. */
    static PolyphaseFilter forRates(int inputRateHz, int outputRateHz) {
        long key = ((long) inputRateHz << 32) | outputRateHz;
        return CACHE.computeIfAbsent(key, k -> design(inputRateHz, outputRateHz));
    }

    private static PolyphaseFilter design(int inputRateHz, int outputRateHz) {
        int gcd = gcd(inputRateHz, outputRateHz);
        int up = outputRateHz / gcd;
        int down = inputRateHz / gcd;
        if (up == down) {
            // Equal rates: the identity, with no lookahead, so 16 kHz input passes through unchanged and undelayed.
            return new PolyphaseFilter(1, 1, 1, 0, new double[][] {{1.0}});
        }
        double lowerRateHz = Math.min(inputRateHz, outputRateHz);
        double cutoffCyclesPerSample = ROLLOFF * lowerRateHz / 2.0 / inputRateHz;
        double halfWidthInputSamples = HALF_LENGTH_LOWER_RATE_SAMPLES * inputRateHz / lowerRateHz;
        int side = (int) Math.ceil(halfWidthInputSamples);
        double[][] coefficients = new double[up][2 * side];
        for (int phase = 0; phase < up; phase++) {
            for (int i = 0; i < 2 * side; i++) {
                double time = (double) phase / up + (side - 1 - i);
                coefficients[phase][i] = windowedSinc(time, cutoffCyclesPerSample, halfWidthInputSamples);
            }
        }
        return new PolyphaseFilter(up, down, side, side, coefficients);
    }

    /** The low-pass impulse response at {@code time} input samples from its centre; unit gain at DC. */
    static double windowedSinc(double time, double cutoffCyclesPerSample, double halfWidth) {
        if (Math.abs(time) >= halfWidth) {
            return 0.0;
        }
        double x = 2.0 * cutoffCyclesPerSample * time;
        double sinc = x == 0.0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
        double ratio = time / halfWidth;
        double kaiser = besselI0(KAISER_BETA * Math.sqrt(1.0 - ratio * ratio)) / besselI0(KAISER_BETA);
        return 2.0 * cutoffCyclesPerSample * sinc * kaiser;
    }

    /** The modified Bessel function of the first kind, order zero, by its power series (converges fast here). */
    static double besselI0(double x) {
        double sum = 1.0;
        double term = 1.0;
        double quarterSquare = x * x / 4.0;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** {@code L}: output samples per {@code M} input samples. */
    int upFactor() {
        return upFactor;
    }

    /** {@code M}: input samples per {@code L} output samples. */
    int downFactor() {
        return downFactor;
    }

    /** Taps at input indices up to and including the centre {@code c}. */
    int tapsBefore() {
        return tapsBefore;
    }

    /** Taps after the centre: input samples an output must wait for. */
    int lookahead() {
        return lookahead;
    }

    /**
     * One output sample.
     *
     * @param phase {@code n M mod L}
     * @param input samples, with {@code input[first]} at input index {@code c - tapsBefore + 1}
     * @param first the array index of the first tap
     */
    double apply(int phase, float[] input, int first) {
        double[] taps = coefficients[phase];
        double sum = 0.0;
        for (int i = 0; i < taps.length; i++) {
            sum += input[first + i] * taps[i];
        }
        return sum;
    }
}
