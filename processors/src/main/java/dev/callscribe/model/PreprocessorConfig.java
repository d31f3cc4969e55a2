package dev.callscribe.model;

/**
 * The audio front-end's settings, from {@code preprocessor_config.json} (Hugging Face's WhisperFeatureExtractor).
 * Keys the file lacks take the feature extractor's own defaults; {@code feature_size} defaults to the model's
 * {@code num_mel_bins}.
 *
 * @param featureSize  {@code feature_size}: mel bins
 * @param samplingRate {@code sampling_rate}: Hz
 * @param hopLength    {@code hop_length}: samples between frames
 * @param nFft         {@code n_fft}: FFT size and window length in samples
 * @param chunkLength  {@code chunk_length}: seconds of audio per encoder window
 * @param nSamples     {@code n_samples}: samples per window, chunk_length x sampling_rate
 * @param nbMaxFrames  {@code nb_max_frames}: frames per window, n_samples / hop_length
 */
public record PreprocessorConfig(
    int featureSize,
    int samplingRate,
    int hopLength,
    int nFft,
    int chunkLength,
    int nSamples,
    int nbMaxFrames) {

    /** Whisper's sampling rate in Hz, WhisperFeatureExtractor's default. */
    public static final int DEFAULT_SAMPLING_RATE = 16_000;
    /** 10 ms at 16 kHz, WhisperFeatureExtractor's default. */
    public static final int DEFAULT_HOP_LENGTH = 160;
    /** 25 ms at 16 kHz, WhisperFeatureExtractor's default. */
    public static final int DEFAULT_N_FFT = 400;
    /** Seconds per window, WhisperFeatureExtractor's default. */
    public static final int DEFAULT_CHUNK_LENGTH = 30;

    /** Checks the sizes are positive and the derived counts agree with the others. */
    public PreprocessorConfig {
        if (featureSize <= 0 || samplingRate <= 0 || hopLength <= 0 || nFft <= 0 || chunkLength <= 0) {
            throw new IllegalArgumentException("feature_size, sampling_rate, hop_length, n_fft and chunk_length must"
                + " be positive, got " + featureSize + ", " + samplingRate + ", " + hopLength + ", " + nFft + ", "
                + chunkLength);
        }
        if (nSamples != chunkLength * samplingRate) {
            throw new IllegalArgumentException("n_samples " + nSamples + " is not chunk_length x sampling_rate = "
                + chunkLength * samplingRate);
        }
        if (nSamples % hopLength != 0 || nbMaxFrames != nSamples / hopLength) {
            throw new IllegalArgumentException("nb_max_frames " + nbMaxFrames + " is not n_samples / hop_length = "
                + nSamples + " / " + hopLength);
        }
    }

    static PreprocessorConfig read(ConfigJson file, int numMelBins) {
        int samplingRate = file.optionalInt("sampling_rate").orElse(DEFAULT_SAMPLING_RATE);
        int hopLength = file.optionalInt("hop_length").orElse(DEFAULT_HOP_LENGTH);
        int chunkLength = file.optionalInt("chunk_length").orElse(DEFAULT_CHUNK_LENGTH);
        int nSamples = file.optionalInt("n_samples").orElse(chunkLength * samplingRate);
        try {
            return new PreprocessorConfig(file.optionalInt("feature_size").orElse(numMelBins), samplingRate,
                hopLength, file.optionalInt("n_fft").orElse(DEFAULT_N_FFT), chunkLength, nSamples,
                file.optionalInt("nb_max_frames").orElse(hopLength > 0 ? nSamples / hopLength : 0));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.name() + ": " + e.getMessage(), e);
        }
    }
}
