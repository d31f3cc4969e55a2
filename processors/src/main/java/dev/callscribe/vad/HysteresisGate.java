package dev.callscribe.vad;

import java.util.List;
import java.util.Optional;

/**
 * The state machine that turns per-frame speech scores into speech spans; it knows nothing about audio, so it works
 * the same behind any {@link FrameClassifier}.
 *
 * <p>Rules, with durations from {@link VadOptions} in samples:
 * <ul>
 *   <li>In silence, a frame scoring at least {@code speechOnScore} starts speech at its first sample.</li>
 *   <li>In speech, a frame scoring at least {@code speechOffScore} extends it to the frame's end; speech ends once
 *       the frames since its last such frame reach {@code minSilenceMs} (the hangover), so a shorter dip does not
 *       split it.</li>
 *   <li>Speech that lasted less than {@code minSpeechMs} (first to last speech frame) is dropped as a blip.</li>
 *   <li>A kept span is padded by {@code speechPadMs} on both sides, clamped to the stream's start and to the end
 *       of the previous span.</li>
 * </ul>
 * Speech is <em>confirmed</em> once it has lasted {@code minSpeechMs}; only confirmed speech is reported as the
 * open span, so an open span is always reported closed later.
 *
 * <p>Not thread-safe; one instance per channel. Its whole state is {@link #state()}.
 */
public final class HysteresisGate {

    private final VadOptions options;
    private final long minSpeechSamples;
    private final long minSilenceSamples;
    private final long padSamples;
    private long speechStart;
    private long lastSpeechEnd;
    private long previousSpanEnd;

    /**
     * @param options thresholds and durations
     * @param sampleRateHz rate the sample positions count in
     * @param state where to resume; {@link GateState#initial()} for a new stream
     */
    public HysteresisGate(VadOptions options, int sampleRateHz, GateState state) {
        SampleClock clock = new SampleClock(sampleRateHz);
        this.options = options;
        this.minSpeechSamples = clock.samples(options.minSpeechMs());
        this.minSilenceSamples = clock.samples(options.minSilenceMs());
        this.padSamples = clock.samples(options.speechPadMs());
        this.speechStart = state.speechStart();
        this.lastSpeechEnd = state.lastSpeechEnd();
        this.previousSpanEnd = state.previousSpanEnd();
    }

    /**
     * Takes the score of the frame {@code [frameStart, frameEnd)}; frames must come in order, back to back.
     *
     * @param closed receives the span this frame closes, if any
     */
    public void onFrame(long frameStart, long frameEnd, double score, List<SpeechSpan> closed) {
        if (speechStart == GateState.NONE) {
            if (score >= options.speechOnScore()) {
                speechStart = frameStart;
                lastSpeechEnd = frameEnd;
            }
        } else if (score >= options.speechOffScore()) {
            lastSpeechEnd = frameEnd;
        } else if (frameEnd - lastSpeechEnd >= minSilenceSamples) {
            close(frameEnd, closed);
        }
    }

    /**
     * Ends the stream: closes the speech in progress at its padded end, clamped to {@code samplesSeen}.
     *
     * @param closed receives the span, if the speech lasted long enough to keep
     */
    public void flush(long samplesSeen, List<SpeechSpan> closed) {
        if (speechStart != GateState.NONE) {
            close(samplesSeen, closed);
        }
    }

    /** The confirmed speech in progress, from its padded start to the end it is sure to reach, if any. */
    public Optional<SpeechSpan> openSpan(long samplesSeen) {
        if (!confirmed()) {
            return Optional.empty();
        }
        return Optional.of(new SpeechSpan(paddedStart(), paddedEnd(samplesSeen)));
    }

    /**
     * The position before which this gate's verdict is final (see {@link SpeechUpdate#settledSample()}).
     *
     * @param nextFrameStart first sample of the next frame to be scored
     * @param samplesSeen samples seen so far, at least {@code nextFrameStart}
     */
    public long settledSample(long nextFrameStart, long samplesSeen) {
        if (confirmed()) {
            return paddedEnd(samplesSeen);
        }
        if (speechStart != GateState.NONE) {
            // Unconfirmed speech may still become a span starting at its padded start.
            return paddedStart();
        }
        // The next span starts at a frame not scored yet, padding reaching back at most padSamples.
        return Math.min(samplesSeen, Math.max(previousSpanEnd, nextFrameStart - padSamples));
    }

    /** A snapshot of the state, to resume from. */
    public GateState state() {
        return new GateState(speechStart, lastSpeechEnd, previousSpanEnd);
    }

    private boolean confirmed() {
        return speechStart != GateState.NONE && lastSpeechEnd - speechStart >= minSpeechSamples;
    }

    private void close(long limit, List<SpeechSpan> closed) {
        if (confirmed()) {
            SpeechSpan span = new SpeechSpan(paddedStart(), paddedEnd(limit));
            closed.add(span);
            previousSpanEnd = span.endSample();
        }
        speechStart = GateState.NONE;
        lastSpeechEnd = 0;
    }

    private long paddedStart() {
        return Math.max(previousSpanEnd, Math.max(0, speechStart - padSamples));
    }

    private long paddedEnd(long limit) {
        return Math.min(limit, lastSpeechEnd + padSamples);
    }
}
