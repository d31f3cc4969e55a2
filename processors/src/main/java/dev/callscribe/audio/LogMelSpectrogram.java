package dev.callscribe.audio;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Whisper's log-mel features of one window, exactly as Hugging Face's {@code WhisperFeatureExtractor} computes them
 * (and as openai/whisper does for a 30 s clip):
 * <ol>
 *   <li>the 16 kHz mono samples are zero-padded or cut to {@code n_samples} (480000);</li>
 *   <li>centred STFT: {@code n_fft / 2} samples of reflect padding on each side, frames every {@code hop_length},
 *       periodic Hann window, power spectrum; the last of the {@code 1 + n_samples / hop_length} frames is
 *       dropped;</li>
 *   <li>Slaney mel filter bank ({@link MelFilterBank}); {@code log10(max(x, 1e-10))};</li>
 *   <li>{@code max(x, m - 8)} where {@code m} is the maximum over the whole window (80 dB of dynamic range);
 *       then {@code (x + 4) / 4}.</li>
 * </ol>
 * The output is row-major {@code [n_mels][nb_max_frames]} (80 x 3000), the layout of one row of the encoder's
 * {@code [batch, n_mels, 3000]} input, so windows can be written straight into a batch buffer.
 *
 * <p>Each instance reuses its FFT plan and frame buffers: not thread-safe; use one instance per thread. Frames that
 * hold only padding are recognised and not transformed (their value is exact), so short windows cost less.
 */
public final class LogMelSpectrogram {

    /** Mel energies are clamped here before the log, as Whisper does. */
    private static final double MEL_FLOOR = 1e-10;
    /** Values more than 8 (80 dB) below the window's maximum are raised to it. */
    private static final float DYNAMIC_RANGE = 8.0f;
    /** Whisper's final affine map, {@code (x + 4) / 4}. */
    private static final float OFFSET = 4.0f;
    private static final float SCALE = 4.0f;

    private final LogMelOptions options;
    private final MelFilterBank filters;
    private final PowerSpectrum spectrum;
    private final double[] frame;
    private final double[] power;
    private final double[] melEnergies;
    private float[] scratch;

    /** A feature extractor for one set of options, with its filter bank and FFT plan built once. */
    public LogMelSpectrogram(LogMelOptions options) {
        this.options = options;
        this.filters = MelFilterBank.slaney(options.featureSize(), options.nFft(), options.samplingRate());
        this.spectrum = new PowerSpectrum(options.nFft());
        this.frame = new double[options.nFft()];
        this.power = new double[options.frequencyBins()];
        this.melEnergies = new double[options.featureSize()];
    }

    /** The options this extractor was built with. */
    public LogMelOptions options() {
        return options;
    }

    /** The log-mel features of {@code samples} (16 kHz mono; only the first {@code n_samples} are used). */
    public float[] compute(float[] samples) {
        return compute(samples, 0, samples.length);
    }

    /**
     * The log-mel features of {@code length} samples of {@code samples} from {@code offset}.
     *
     * @return a new array of {@link LogMelOptions#featuresPerWindow()} floats, row-major {@code [n_mels][frames]}
     */
    public float[] compute(float[] samples, int offset, int length) {
        float[] features = new float[options.featuresPerWindow()];
        computeInto(samples, offset, length, features, 0);
        return features;
    }

    /**
     * Writes the log-mel features of {@code length} samples from {@code offset} into {@code destination}, for
     * instance row {@code b} of a {@code [B, n_mels, frames]} batch with
     * {@code destinationOffset = b * options().featuresPerWindow()}. Nothing else in {@code destination} changes.
     *
     * @param samples 16 kHz mono samples; not modified, not retained; any length (cut to {@code n_samples})
     * @throws IllegalArgumentException if the sample range or the destination range is out of bounds
     */
    public void computeInto(float[] samples, int offset, int length, float[] destination, int destinationOffset) {
        checkRange("sample", samples.length, offset, length);
        checkRange("destination", destination.length, destinationOffset, options.featuresPerWindow());
        int usable = Math.min(length, options.nSamples());
        float max = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < options.nbMaxFrames(); t++) {
            max = Math.max(max, writeLogMelFrame(samples, offset, usable, t, destination, destinationOffset));
        }
        clampAndScale(destination, destinationOffset, max);
    }

    /**
     * Writes the features into a float buffer at absolute index {@code destinationIndex} (for example a direct
     * buffer backing an inference tensor); the buffer's position and limit do not change. Uses an internal array
     * of one window, allocated on first use.
     *
     * @throws IndexOutOfBoundsException if the buffer has no room for one window at that index
     */
    public void computeInto(float[] samples, int offset, int length, FloatBuffer destination, int destinationIndex) {
        if (scratch == null) {
            scratch = new float[options.featuresPerWindow()];
        }
        computeInto(samples, offset, length, scratch, 0);
        destination.put(destinationIndex, scratch, 0, scratch.length);
    }

    /** Computes frame {@code t}, writes its log10 mel energies in column {@code t}, returns their maximum. */
    private float writeLogMelFrame(float[] samples, int offset, int usable, int t, float[] out, int outOffset) {
        if (fillFrame(samples, offset, usable, t)) {
            spectrum.compute(frame, power);
            filters.apply(power, melEnergies);
        } else {
            Arrays.fill(melEnergies, 0.0);
        }
        int frames = options.nbMaxFrames();
        float max = Float.NEGATIVE_INFINITY;
        for (int m = 0; m < melEnergies.length; m++) {
            float value = (float) Math.log10(Math.max(melEnergies[m], MEL_FLOOR));
            out[outOffset + m * frames + t] = value;
            max = Math.max(max, value);
        }
        return max;
    }

    /**
     * Copies the samples under frame {@code t} into {@code frame}, applying the zero padding to {@code n_samples}
     * and the reflect padding at both ends.
     *
     * @return false if the frame holds only zero padding, so its spectrum is exactly zero
     */
    private boolean fillFrame(float[] samples, int offset, int usable, int t) {
        int nFft = options.nFft();
        int start = t * options.hopLength() - nFft / 2;
        if (start >= 0 && start + nFft <= usable) {
            for (int i = 0; i < nFft; i++) {
                frame[i] = samples[offset + start + i];
            }
            return true;
        }
        if (start >= usable && start + nFft <= options.nSamples()) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < nFft; i++) {
            double value = paddedSample(samples, offset, usable, start + i);
            frame[i] = value;
            nonZero |= value != 0.0;
        }
        return nonZero;
    }

    /** Sample {@code index} of the zero-padded window, reflected at its ends like {@code torch.stft(center=True)}. */
    private double paddedSample(float[] samples, int offset, int usable, int index) {
        int last = options.nSamples() - 1;
        int reflected = index < 0 ? -index : index > last ? 2 * last - index : index;
        return reflected < usable ? samples[offset + reflected] : 0.0;
    }

    private void clampAndScale(float[] values, int offset, float max) {
        float floor = max - DYNAMIC_RANGE;
        int end = offset + options.featuresPerWindow();
        for (int i = offset; i < end; i++) {
            values[i] = (Math.max(values[i], floor) + OFFSET) / SCALE;
        }
    }

    private static void checkRange(String what, int arrayLength, int offset, int length) {
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IllegalArgumentException(what + " range [" + offset + ", " + offset + " + " + length
                    + ") does not lie within an array of " + arrayLength);
        }
    }
}
