package dev.callscribe.vad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Streaming voice activity detection for one channel: feed samples in chunks of any size, get back the speech spans
 * that closed, the span still open and how far the verdict is final ({@link SpeechUpdate}).
 *
 * <p>The audio is cut into back-to-back frames of {@link VadOptions#frameMs()} from the channel's first sample; a
 * frame quieter than {@link VadOptions#energyFloorDbfs()} scores 0, any other is scored by the
 * {@link FrameClassifier}, and the scores go through the {@link HysteresisGate}. Frames sit at fixed positions, so
 * the spans depend only on the samples, never on how they were chunked. Positions are samples at the channel's
 * source rate, counted from its first sample.
 *
 * <p>Restartable: {@link #state()} is a small {@link VadState}; a detector built from it with the same options,
 * rate and classifier continues exactly as this one would. Not thread-safe; one instance per channel.
 *
 * <pre>{@code
 * SpeechDetector detector = SpeechDetector.resume(options, 8000, stored);   // or start(options, 8000)
 * SpeechUpdate update = detector.accept(chunk);                             // float samples in [-1, 1]
 * store(detector.state());
 * ... at the end of the call: SpeechUpdate last = detector.flush();
 * }</pre>
 */
public final class SpeechDetector {

    private final FrameClassifier classifier;
    private final double energyFloorDbfs;
    private final HysteresisGate gate;
    private final float[] frame;
    private int pending;
    private long samplesSeen;
    private boolean flushed;

    /**
     * @param options framing, thresholds and durations
     * @param sampleRateHz rate of the samples to come
     * @param classifier scores frames of {@code options.frameSamples(sampleRateHz)} samples at that rate
     * @param state where to resume; {@link VadState#initial()} for a new stream
     */
    public SpeechDetector(VadOptions options, int sampleRateHz, FrameClassifier classifier, VadState state) {
        this.classifier = classifier;
        this.energyFloorDbfs = options.energyFloorDbfs();
        this.gate = new HysteresisGate(options, sampleRateHz, state.gate());
        this.frame = new float[options.frameSamples(sampleRateHz)];
        float[] partial = state.partialFrame();
        if (partial.length >= frame.length || state.samplesSeen() % frame.length != partial.length) {
            throw new IllegalArgumentException("the state holds " + partial.length + " pending samples after "
                    + state.samplesSeen() + " seen; with frames of " + frame.length + " samples it should hold "
                    + state.samplesSeen() % frame.length + " (was it made with other options or another rate?)");
        }
        System.arraycopy(partial, 0, frame, 0, partial.length);
        this.pending = partial.length;
        this.samplesSeen = state.samplesSeen();
    }

    /** A detector for a new stream, with the {@link SpectralFrameClassifier}. */
    public static SpeechDetector start(VadOptions options, int sampleRateHz) {
        return resume(options, sampleRateHz, VadState.initial());
    }

    /** A detector that carries on from {@code state}, with the {@link SpectralFrameClassifier}. */
    public static SpeechDetector resume(VadOptions options, int sampleRateHz, VadState state) {
        return new SpeechDetector(options, sampleRateHz, SpectralFrameClassifier.forOptions(options, sampleRateHz),
                state);
    }

    /** {@link #accept(float[], int, int)} on a whole array. */
    public SpeechUpdate accept(float[] samples) {
        return accept(samples, 0, samples.length);
    }

    /**
     * Feeds the next samples of the stream.
     *
     * @param samples samples in [-1, 1]; read, not kept
     * @param offset first sample to read
     * @param length samples to read; zero is allowed
     * @return the spans closed by these samples, the open span and the settled position
     * @throws IllegalStateException after {@link #flush()}
     */
    public SpeechUpdate accept(float[] samples, int offset, int length) {
        requireNotFlushed();
        List<SpeechSpan> closed = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            frame[pending++] = samples[i];
            if (pending == frame.length) {
                long frameStart = samplesSeen + i - offset + 1 - frame.length;
                gate.onFrame(frameStart, frameStart + frame.length, score(), closed);
                pending = 0;
            }
        }
        samplesSeen += length;
        return new SpeechUpdate(samplesSeen, gate.settledSample(samplesSeen - pending, samplesSeen), closed,
                gate.openSpan(samplesSeen));
    }

    /**
     * Ends the stream: closes the open speech (the trailing partial frame is not scored: too short to judge).
     * The detector takes no input afterwards.
     *
     * @return a final update: the last closed span if any, nothing open, everything settled
     */
    public SpeechUpdate flush() {
        requireNotFlushed();
        flushed = true;
        List<SpeechSpan> closed = new ArrayList<>();
        gate.flush(samplesSeen, closed);
        return SpeechUpdate.finalUpdate(samplesSeen, closed);
    }

    /** The confirmed speech in progress, if any (see {@link SpeechUpdate#openSpan()}). */
    public Optional<SpeechSpan> openSpan() {
        return gate.openSpan(samplesSeen);
    }

    /** Samples fed so far. */
    public long samplesSeen() {
        return samplesSeen;
    }

    /** A snapshot to resume from. */
    public VadState state() {
        return new VadState(samplesSeen, Arrays.copyOf(frame, pending), gate.state());
    }

    private double score() {
        if (FrameLevel.dbfs(frame) < energyFloorDbfs) {
            return 0.0;
        }
        return classifier.speechScore(frame);
    }

    private void requireNotFlushed() {
        if (flushed) {
            throw new IllegalStateException("this detector was flushed; start a new one for a new stream");
        }
    }
}
