package dev.callscribe.audio;

/**
 * The shape of Whisper's log-mel front-end, field for field the keys of a Hugging Face
 * {@code preprocessor_config.json} ({@code feature_size}, {@code sampling_rate}, {@code n_fft}, {@code hop_length},
 * {@code chunk_length}, {@code n_samples}, {@code nb_max_frames}), so a model folder's file maps onto it directly.
 *
 * @param featureSize mel bands ({@code n_mels}): 80 for most Whisper models, 128 for large-v3 and its distillations
 * @param samplingRate input samples per second (16000)
 * @param nFft FFT size and window length in samples (400 = 25 ms); even, so the reflect padding is {@code nFft / 2}
 * @param hopLength samples between frames (160 = 10 ms)
 * @param chunkLength window length in seconds (30)
 * @param nSamples samples per window, {@code chunkLength * samplingRate} (480000); input is zero-padded or cut to it
 * @param nbMaxFrames frames per window, {@code nSamples / hopLength} (3000)
 */
public record LogMelOptions(int featureSize, int samplingRate, int nFft, int hopLength, int chunkLength,
                            int nSamples, int nbMaxFrames) {

    /** Whisper's values with 80 mel bands. */
    private static final LogMelOptions DEFAULTS = new LogMelOptions(80, 16_000, 400, 160, 30, 480_000, 3_000);

    /** Checks each field and the rules that tie them together. */
    public LogMelOptions {
        requirePositive("feature_size", featureSize);
        requirePositive("sampling_rate", samplingRate);
        requirePositive("n_fft", nFft);
        requirePositive("hop_length", hopLength);
        requirePositive("chunk_length", chunkLength);
        if (nFft % 2 != 0) {
            throw new IllegalArgumentException("n_fft must be even, so frames are centred by n_fft / 2 samples of"
                    + " reflect padding; got " + nFft);
        }
        if ((long) chunkLength * samplingRate != nSamples) {
            throw new IllegalArgumentException("n_samples must equal chunk_length x sampling_rate = "
                    + (long) chunkLength * samplingRate + "; got " + nSamples);
        }
        if (nSamples % hopLength != 0 || nSamples / hopLength != nbMaxFrames) {
            throw new IllegalArgumentException("nb_max_frames must equal n_samples / hop_length exactly ("
                    + nSamples + " / " + hopLength + "); got " + nbMaxFrames);
        }
        if (nSamples <= nFft / 2) {
            throw new IllegalArgumentException("n_samples must exceed n_fft / 2 for reflect padding; got "
                    + nSamples + " samples and n_fft " + nFft);
        }
    }

    /** Whisper's front-end with 80 mel bands. */
    public static LogMelOptions defaults() {
        return DEFAULTS;
    }

    /** Whisper's front-end with {@code nMels} mel bands (128 for large-v3). */
    public static LogMelOptions forMels(int nMels) {
        return DEFAULTS.withFeatureSize(nMels);
    }

    /** A copy with another number of mel bands. */
    public LogMelOptions withFeatureSize(int nMels) {
        return new LogMelOptions(nMels, samplingRate, nFft, hopLength, chunkLength, nSamples, nbMaxFrames);
    }

    /** Frequency bins of the one-sided spectrum, {@code nFft / 2 + 1} (201). */
    public int frequencyBins() {
        return nFft / 2 + 1;
    }

    /** Floats in one window's features, {@code featureSize * nbMaxFrames}. */
    public int featuresPerWindow() {
        return featureSize * nbMaxFrames;
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive; got " + value);
        }
    }
}
