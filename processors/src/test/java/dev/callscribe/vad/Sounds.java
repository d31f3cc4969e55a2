package dev.callscribe.vad;

import java.util.Random;

/** Seeded test signals, levels in dBFS as {@link FrameLevel} measures them (RMS relative to a full-scale square). */
public final class Sounds {

    private Sounds() {
    }

    /** Digital silence. */
    public static float[] silence(int samples) {
        return new float[samples];
    }

    /** A sine at {@code frequencyHz} whose RMS level is {@code dbfs}. */
    public static float[] tone(double frequencyHz, int rate, int samples, double dbfs) {
        double amplitude = Math.sqrt(2) * Math.pow(10, dbfs / 20);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / rate));
        }
        return out;
    }

    /** Mains hum: 50 Hz and its 2nd to 5th harmonics falling off as 1/h, at {@code dbfs} RMS. */
    public static float[] hum(int rate, int samples, double dbfs) {
        double[] out = new double[samples];
        for (int h = 1; h <= 5; h++) {
            for (int i = 0; i < samples; i++) {
                out[i] += Math.sin(2 * Math.PI * 50 * h * i / rate + h) / h;
            }
        }
        return scaled(out, dbfs);
    }

    /**
     * A synthetic voiced vowel: a 120 Hz glottal pulse train (harmonics falling as 1/h) shaped by formants at 700,
     * 1200 and 2600 Hz, at {@code dbfs} RMS.
     */
    public static float[] vowel(int rate, int samples, double dbfs) {
        double[] out = new double[samples];
        double f0 = 120;
        for (int h = 1; h * f0 < Math.min(4000, rate / 2.0); h++) {
            double f = h * f0;
            double gain = (formant(f, 700, 110) + 0.6 * formant(f, 1200, 120) + 0.3 * formant(f, 2600, 160)) / h;
            for (int i = 0; i < samples; i++) {
                out[i] += gain * Math.sin(2 * Math.PI * f * i / rate + 0.3 * h);
            }
        }
        return scaled(out, dbfs);
    }

    /** Gaussian white noise at {@code dbfs} RMS. */
    public static float[] whiteNoise(long seed, int samples, double dbfs) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = random.nextGaussian();
        }
        return scaled(out, dbfs);
    }

    /** Pink noise (power falling as 1/f) from Paul Kellet's filtered white noise, at {@code dbfs} RMS. */
    public static float[] pinkNoise(long seed, int samples, double dbfs) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < samples; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            out[i] = b0 + b1 + b2 + white * 0.1848;
        }
        return scaled(out, dbfs);
    }

    /** Brown noise (power falling as 1/f^2): leaky integrated white noise, at {@code dbfs} RMS. */
    public static float[] brownNoise(long seed, int samples, double dbfs) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        double level = 0;
        for (int i = 0; i < samples; i++) {
            level = 0.995 * level + random.nextGaussian();
            out[i] = level;
        }
        return scaled(out, dbfs);
    }

    /** The signals one after another. */
    public static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static double formant(double f, double centre, double bandwidth) {
        double x = (f - centre) / bandwidth;
        return 1 / (1 + x * x);
    }

    private static float[] scaled(double[] signal, double dbfs) {
        double power = 0;
        for (double v : signal) {
            power += v * v;
        }
        double gain = Math.pow(10, dbfs / 20) / Math.sqrt(power / signal.length);
        float[] out = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            out[i] = (float) (signal[i] * gain);
        }
        return out;
    }
}
