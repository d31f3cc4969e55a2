package dev.callscribe.vad;

/**
 * How the voice activity detector frames, scores and smooths one channel. Immutable; change one field with the
 * {@code withX} copies.
 *
 * <p>Scores are per frame, in [0, 1], from the {@link FrameClassifier}; the thresholds and durations below turn
 * them into spans in {@link HysteresisGate}. Durations are stream time (see {@link SampleClock}).
 *
 * @param frameMs frame length, 10 to 100 ms; default 30 (at 8 kHz, 240 samples: about 33 Hz of spectral
 *                resolution, enough to resolve the harmonics of a voice, and fine enough for turn boundaries)
 * @param speechOnScore a frame scoring at least this starts speech; default 0.5
 * @param speechOffScore once in speech, frames scoring at least this keep it going (hysteresis: below
 *                       {@code speechOnScore}, so a wavering score does not chop a word); default 0.3
 * @param minSpeechMs speech shorter than this (first to last speech frame) is dropped as a blip (a click, a
 *                    cough, a short beep); default 250, the length of a short word
 * @param minSilenceMs the hangover: speech ends only after this much silence, so unvoiced consonants, stop
 *                     closures and breaths inside a phrase do not split it; default 500
 * @param speechPadMs audio kept before and after each span, for the unvoiced onsets and tails (an initial "s",
 *                    a final "t") that score as silence; at most {@code minSilenceMs}; default 300
 * @param energyFloorDbfs a frame quieter than this (RMS relative to a full-scale square wave) is never speech,
 *                        whatever its spectrum; default -50 (telephone speech sits near -20 to -30, the idle
 *                        noise of a mu-law line near -78)
 */
public record VadOptions(int frameMs, double speechOnScore, double speechOffScore, int minSpeechMs,
                         int minSilenceMs, int speechPadMs, double energyFloorDbfs) {

    private static final int MIN_FRAME_MS = 10;
    private static final int MAX_FRAME_MS = 100;

    /** Checks each field, then the rules between fields. */
    public VadOptions {
        if (frameMs < MIN_FRAME_MS || frameMs > MAX_FRAME_MS) {
            throw new IllegalArgumentException("frameMs must be between " + MIN_FRAME_MS + " and " + MAX_FRAME_MS
                    + "; got " + frameMs);
        }
        requireThresholds(speechOnScore, speechOffScore);
        requireDurations(minSpeechMs, minSilenceMs, speechPadMs);
        if (!(energyFloorDbfs <= 0) || Double.isInfinite(energyFloorDbfs)) {
            throw new IllegalArgumentException("energyFloorDbfs must be a finite level at or below 0 dBFS; got "
                    + energyFloorDbfs);
        }
    }

    /** The documented defaults. */
    public static VadOptions defaults() {
        return new VadOptions(30, 0.5, 0.3, 250, 500, 300, -50.0);
    }

    /** A copy with other score thresholds. */
    public VadOptions withThresholds(double onScore, double offScore) {
        return new VadOptions(frameMs, onScore, offScore, minSpeechMs, minSilenceMs, speechPadMs, energyFloorDbfs);
    }

    /** A copy with another frame length. */
    public VadOptions withFrameMs(int millis) {
        return new VadOptions(millis, speechOnScore, speechOffScore, minSpeechMs, minSilenceMs, speechPadMs,
                energyFloorDbfs);
    }

    /** A copy with other durations for the minimum speech, the hangover and the padding. */
    public VadOptions withDurations(int minSpeech, int minSilence, int speechPad) {
        return new VadOptions(frameMs, speechOnScore, speechOffScore, minSpeech, minSilence, speechPad,
                energyFloorDbfs);
    }

    /** A copy with another energy floor. */
    public VadOptions withEnergyFloorDbfs(double dbfs) {
        return new VadOptions(frameMs, speechOnScore, speechOffScore, minSpeechMs, minSilenceMs, speechPadMs, dbfs);
    }

    /** The frame length in samples at {@code sampleRateHz}. */
    public int frameSamples(int sampleRateHz) {
        return new SampleClock(sampleRateHz).samplesAsInt(frameMs);
    }

    private static void requireThresholds(double onScore, double offScore) {
        if (!(onScore > 0 && onScore <= 1)) {
            throw new IllegalArgumentException("speechOnScore must be in (0, 1]; got " + onScore);
        }
        if (!(offScore >= 0 && offScore <= onScore)) {
            throw new IllegalArgumentException("speechOffScore must be in [0, speechOnScore = " + onScore
                    + "], or speech could end on a frame that would start it; got " + offScore);
        }
    }

    private static void requireDurations(int minSpeechMs, int minSilenceMs, int speechPadMs) {
        if (minSpeechMs < 0 || minSilenceMs <= 0 || speechPadMs < 0) {
            throw new IllegalArgumentException("minSpeechMs and speechPadMs must be zero or more and minSilenceMs"
                    + " positive; got " + minSpeechMs + ", " + speechPadMs + " and " + minSilenceMs);
        }
        if (speechPadMs > minSilenceMs) {
            throw new IllegalArgumentException("speechPadMs (" + speechPadMs + ") must not exceed minSilenceMs ("
                    + minSilenceMs + "), so a span's padded end lies in audio already seen when it closes");
        }
    }
}
