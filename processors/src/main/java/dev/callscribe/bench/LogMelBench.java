package dev.callscribe.bench;

import dev.callscribe.audio.LogMelOptions;
import dev.callscribe.audio.LogMelSpectrogram;
import java.util.Random;

/** How fast one thread computes Whisper log-mel features, in multiples of real time. */
public final class LogMelBench {

    /**
     * The figures of one run.
     *
     * @param mels mel bands
     * @param windows 30 s windows computed (after warm-up)
     * @param millisPerWindow average time per window
     */
    public record Result(int mels, int windows, double millisPerWindow) {

        /** Seconds of audio processed per second of computing. */
        public double timesRealTime() {
            return 30_000.0 / millisPerWindow;
        }
    }

    private LogMelBench() {
    }

    /** Warm-up windows before timing, so the JIT has compiled the hot loops. */
    private static final int WARM_UP_WINDOWS = 150;

    /** Computes {@code windows} windows of noise after a warm-up, on the calling thread. */
    public static Result run(int mels, int windows) {
        LogMelOptions options = LogMelOptions.forMels(mels);
        LogMelSpectrogram spectrogram = new LogMelSpectrogram(options);
        float[] audio = noise(options.nSamples());
        float[] features = new float[options.featuresPerWindow()];
        for (int i = 0; i < WARM_UP_WINDOWS; i++) {
            spectrogram.computeInto(audio, 0, audio.length, features, 0);
        }
        long start = System.nanoTime();
        for (int i = 0; i < windows; i++) {
            spectrogram.computeInto(audio, 0, audio.length, features, 0);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new Result(mels, windows, millis / windows);
    }

    private static float[] noise(int samples) {
        Random random = new Random(1);
        float[] audio = new float[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (float) (random.nextGaussian() * 0.1);
        }
        return audio;
    }
}
