package dev.callscribe.vad;

/**
 * Scores one frame of audio for speech. The model side of voice activity detection, kept apart from the state
 * machine ({@link HysteresisGate}) that turns scores into spans, so another classifier (a Silero VAD on ONNX
 * Runtime, say) can replace {@link SpectralFrameClassifier} without touching the spans logic.
 *
 * <p>Contract: a classifier is made for one sample rate and one frame length, and {@link #speechScore} is a pure
 * function of the frame (no memory between frames). That keeps the detector's resumable state small (see
 * {@link VadState}); a classifier with memory (Silero's recurrent state) would have to carry that memory in the
 * state beside the partial frame. Implementations should be thread-safe.
 */
@FunctionalInterface
public interface FrameClassifier {

    /**
     * How much the frame sounds like speech.
     *
     * @param frame exactly one frame of samples in [-1, 1], at the rate and length the classifier was made for;
     *              read only, not kept
     * @return a score in [0, 1]; higher means more speech-like (a probability for a trained model)
     */
    double speechScore(float[] frame);
}
