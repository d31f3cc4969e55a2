package dev.callscribe.audio;

import java.util.Random;

/** Test signals and the measurements tests make on them. */
final class Signals {

    private Signals() {
    }

    /** {@code amplitude * sin(2 pi f n / rate)} for {@code n = 0 .. length-1}. */
    static float[] sine(double frequencyHz, int rateHz, int length, double amplitude) {
        float[] samples = new float[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (float) (amplitude * Math.sin(2.0 * Math.PI * frequencyHz * n / rateHz));
        }
        return samples;
    }

    /** Uniform noise in [-amplitude, amplitude), reproducible from the seed. */
    static float[] noise(long seed, int length, double amplitude) {
        Random random = new Random(seed);
        float[] samples = new float[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (float) (amplitude * (2.0 * random.nextDouble() - 1.0));
        }
        return samples;
    }

    /**
     * The amplitude and phase of the component at {@code frequencyHz} over samples {@code [from, to)}, by projection
     * on sine and cosine (exact for a whole number of periods): {@code [amplitude, phase]} with
     * {@code x[n] ~ amplitude * sin(2 pi f n / rate + phase)}.
     */
    static double[] tone(float[] samples, double frequencyHz, int rateHz, int from, int to) {
        double sin = 0.0;
        double cos = 0.0;
        for (int n = from; n < to; n++) {
            double angle = 2.0 * Math.PI * frequencyHz * n / rateHz;
            sin += samples[n] * Math.sin(angle);
            cos += samples[n] * Math.cos(angle);
        }
        double count = to - from;
        double a = 2.0 * sin / count;
        double b = 2.0 * cos / count;
        return new double[] {Math.hypot(a, b), Math.atan2(b, a)};
    }

    /** Root mean square over {@code [from, to)}. */
    static double rms(float[] samples, int from, int to) {
        double sum = 0.0;
        for (int n = from; n < to; n++) {
            sum += (double) samples[n] * samples[n];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** The ratio in decibels. */
    static double decibels(double ratio) {
        return 20.0 * Math.log10(ratio);
    }
}
