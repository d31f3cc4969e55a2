package dev.callscribe.vad;

/**
 * A baseline speech classifier from two spectral facts of one frame, measured between 0 and 4 kHz (the telephone
 * band, present at every supported rate, so a call scores alike at 8, 16 or 48 kHz):
 * <ol>
 *   <li><b>Band fraction</b>: the share of the frame's 0-4 kHz power inside the speech band, 300-3400 Hz. Mains
 *       hum (50/60 Hz and its low harmonics), rumble and low tones score near 0.</li>
 *   <li><b>Local flatness</b>: the mean, over the speech band, of each bin's power in decibels relative to the
 *       mean power within 300 Hz around it. Any noise with a smooth spectrum (white, pink, brown, whatever its
 *       tilt) scores about -2 dB, because each bin of a noise periodogram is an exponential variable around its
 *       local mean; harmonics, formant peaks and tones stand out of their neighbourhood and score well below
 *       (clean voiced speech: median about -8 dB; a tone: below -20 dB).</li>
 * </ol>
 * The score is the product of the two, each mapped linearly onto [0, 1] between a noise-like and a speech-like
 * value ({@value #BAND_FRACTION_NOISE} to {@value #BAND_FRACTION_SPEECH}, and {@value #FLATNESS_NOISE_DB} dB to
 * {@value #FLATNESS_SPEECH_DB} dB); the constants were set on the Northwind call and on seeded white, pink and
 * brown noise at 8, 16 and 44.1 kHz, where no noise frame scored above 0.1.
 *
 * <p>What it detects: voiced speech, and any tone or tone pair inside 300-3400 Hz (ringback, DTMF, beeps, hold
 * music) - tones are deliberately kept, they cannot be told from a sung vowel by spectrum alone. What it does not:
 * stationary noise at any level (white, pink, brown, fan or line noise), hum and tones below 300 Hz or above
 * 3400 Hz, and unvoiced sounds (an "s" or "f" is noise-like); inside speech the hangover and padding of
 * {@link HysteresisGate} bridge those. Known weaknesses of a per-frame spectral score: speech under strong
 * broadband noise (around 10 dB SNR, most frames fall below the thresholds), and babble or a radio in the
 * background, which is speech to this classifier. A trained model (Silero VAD) fixes both and can replace this
 * class behind {@link FrameClassifier}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpectralFrameClassifier implements FrameClassifier {

    /** Lowest frequency of the speech band, Hz: the bottom of the telephone channel. */
    public static final double SPEECH_BAND_LOW_HZ = 300.0;
    /** Highest frequency of the speech band, Hz: the top of the telephone channel. */
    public static final double SPEECH_BAND_HIGH_HZ = 3400.0;
    /** Top of the range whose power the band fraction divides by, Hz: the Nyquist frequency of 8 kHz audio. */
    public static final double ANALYSIS_HIGH_HZ = 4000.0;
    /** Half-width of the neighbourhood a bin is compared with, Hz: wider than a harmonic spacing of a voice. */
    public static final double NEIGHBOURHOOD_HZ = 300.0;
    static final double BAND_FRACTION_NOISE = 0.15;
    static final double BAND_FRACTION_SPEECH = 0.40;
    static final double FLATNESS_NOISE_DB = -3.5;
    static final double FLATNESS_SPEECH_DB = -6.5;

    private static final double DECIBELS_PER_NEPER = 10.0 / Math.log(10.0);
    /** Floor added to every bin, relative to the frame's power, so an exact zero does not take the log to -inf. */
    private static final double RELATIVE_FLOOR = 1e-12;
    private static final int MIN_RATE_HZ = 8000;

    private final FramePowerSpectrum spectrum;
    private final int firstBandBin;
    private final int lastBandBin;
    private final int lastAnalysisBin;
    private final int neighbourBins;

    /**
     * @param sampleRateHz rate of the frames; at least 8000 Hz, so the speech band lies below the Nyquist
     *                     frequency
     * @param frameSamples samples per frame; at least 2
     */
    public SpectralFrameClassifier(int sampleRateHz, int frameSamples) {
        if (sampleRateHz < MIN_RATE_HZ) {
            throw new IllegalArgumentException("sampleRateHz must be at least " + MIN_RATE_HZ
                    + " so the 300-3400 Hz speech band is below the Nyquist frequency; got " + sampleRateHz);
        }
        this.spectrum = new FramePowerSpectrum(frameSamples);
        double binHz = sampleRateHz / (double) spectrum.fftSize();
        this.firstBandBin = (int) Math.ceil(SPEECH_BAND_LOW_HZ / binHz);
        this.lastBandBin = (int) Math.floor(SPEECH_BAND_HIGH_HZ / binHz);
        this.lastAnalysisBin = Math.min(spectrum.fftSize() / 2, (int) Math.floor(ANALYSIS_HIGH_HZ / binHz));
        this.neighbourBins = Math.max(1, (int) Math.round(NEIGHBOURHOOD_HZ / binHz));
    }

    /** The classifier for {@code options}' frame length at {@code sampleRateHz}. */
    public static SpectralFrameClassifier forOptions(VadOptions options, int sampleRateHz) {
        return new SpectralFrameClassifier(sampleRateHz, options.frameSamples(sampleRateHz));
    }

    @Override
    public double speechScore(float[] frame) {
        FrameFeatures features = features(frame);
        return ramp(features.bandFraction(), BAND_FRACTION_NOISE, BAND_FRACTION_SPEECH)
                * ramp(-features.localFlatnessDb(), -FLATNESS_NOISE_DB, -FLATNESS_SPEECH_DB);
    }

    /** The two measurements the score is made of; for diagnostics and calibration. */
    FrameFeatures features(float[] frame) {
        double[] power = spectrum.power(frame);
        double total = 0;
        for (int k = 1; k <= lastAnalysisBin; k++) {
            total += power[k];
        }
        if (!(total > 0)) {
            return new FrameFeatures(0, 0);
        }
        double band = 0;
        for (int k = firstBandBin; k <= lastBandBin; k++) {
            band += power[k];
        }
        return new FrameFeatures(band / total, localFlatnessDb(power, total * RELATIVE_FLOOR));
    }

    private double localFlatnessDb(double[] power, double floor) {
        double[] prefix = new double[power.length + 1];
        for (int k = 0; k < power.length; k++) {
            prefix[k + 1] = prefix[k] + power[k];
        }
        double logRatios = 0;
        for (int k = firstBandBin; k <= lastBandBin; k++) {
            int from = Math.max(0, k - neighbourBins);
            int to = Math.min(power.length, k + neighbourBins + 1);
            double localMean = (prefix[to] - prefix[from]) / (to - from);
            logRatios += Math.log((power[k] + floor) / (localMean + floor));
        }
        return DECIBELS_PER_NEPER * logRatios / (lastBandBin - firstBandBin + 1);
    }

    /** 0 at or below {@code low}, 1 at or above {@code high}, linear between. */
    private static double ramp(double value, double low, double high) {
        return Math.max(0.0, Math.min(1.0, (value - low) / (high - low)));
    }

    /**
     * @param bandFraction share of the 0-4 kHz power inside 300-3400 Hz, in [0, 1]
     * @param localFlatnessDb mean level of the speech band's bins relative to their neighbourhoods; about -2 dB
     *                        for noise, lower for peaky spectra
     */
    record FrameFeatures(double bandFraction, double localFlatnessDb) {
    }
}
