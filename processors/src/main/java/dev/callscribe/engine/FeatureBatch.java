package dev.callscribe.engine;

import dev.callscribe.audio.LogMelOptions;
import dev.callscribe.audio.LogMelSpectrogram;
import dev.callscribe.model.PreprocessorConfig;
import java.nio.FloatBuffer;
import java.util.List;

/** The log-mel features of a batch of windows, laid out as the encoder's {@code [batch, n_mels, frames]} input. */
final class FeatureBatch {

    private final LogMelOptions options;

    FeatureBatch(PreprocessorConfig preprocessor) {
        this.options = new LogMelOptions(preprocessor.featureSize(), preprocessor.samplingRate(),
                preprocessor.nFft(), preprocessor.hopLength(), preprocessor.chunkLength(), preprocessor.nSamples(),
                preprocessor.nbMaxFrames());
    }

    /** The most samples one window may hold (30 s at 16 kHz for Whisper). */
    int maxSamples() {
        return options.nSamples();
    }

    long[] shape(int batch) {
        return new long[] {batch, options.featureSize(), options.nbMaxFrames()};
    }

    /** Computes every window's features into one buffer; each window is zero-padded to {@link #maxSamples()}. */
    FloatBuffer compute(List<float[]> windows) {
        LogMelSpectrogram melSpectrogram = new LogMelSpectrogram(options);
        int perWindow = options.featuresPerWindow();
        FloatBuffer features = FloatBuffer.allocate(windows.size() * perWindow);
        for (int row = 0; row < windows.size(); row++) {
            float[] samples = windows.get(row);
            melSpectrogram.computeInto(samples, 0, samples.length, features, row * perWindow);
        }
        features.rewind();
        return features;
    }
}
