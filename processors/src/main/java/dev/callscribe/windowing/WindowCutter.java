package dev.callscribe.windowing;

import dev.callscribe.vad.SpeechUpdate;
import java.util.List;

/**
 * Decides where one channel's inference windows start and end, from its sample count and speech spans as they
 * arrive; the segmenter stores the audio and emits the windows these plans describe.
 *
 * <p>Feed each {@link SpeechUpdate} of the channel's voice activity detector, in order, to {@link #accept}; it
 * returns the windows that are now final (possibly none), with consecutive indices from 0. At the end of the
 * stream, pass the detector's final update to {@link #finish}: it returns the remaining windows, the last one
 * marked {@link WindowPlan#last()}; when nothing is left to send, that last plan is an empty marker. Decisions use
 * stream positions only, never the moment of the call, so the plans are the same however the audio was chunked.
 *
 * <pre>{@code
 * WindowCutter cutter = WindowCutter.resume(options, 8000, stored);   // or start(options, 8000)
 * for (WindowPlan plan : cutter.accept(detector.accept(chunk))) {
 *     emit(plan);                                                      // slice stored audio [start, end)
 * }
 * store(cutter.state());
 * }</pre>
 *
 * <p>Implementations are not thread-safe; one per channel. {@link #state()} is small and resumable.
 */
public interface WindowCutter {

    /** A cutter for a new stream. */
    static WindowCutter start(WindowingOptions options, int sampleRateHz) {
        return resume(options, sampleRateHz, WindowingState.initial(options.mode()));
    }

    /**
     * A cutter that carries on from {@code state}, which must come from the same options and rate.
     *
     * @throws IllegalArgumentException if the state belongs to the other mode
     */
    static WindowCutter resume(WindowingOptions options, int sampleRateHz, WindowingState state) {
        if (state.mode() != options.mode()) {
            throw new IllegalArgumentException("a " + state.mode() + " state cannot resume a " + options.mode()
                    + " cutter");
        }
        if (state instanceof UtteranceState utterance) {
            return new UtteranceCutter(options, sampleRateHz, utterance);
        }
        return new ChunkCutter(options, sampleRateHz, (ChunkState) state);
    }

    /**
     * Takes the channel's next speech update.
     *
     * @param update the detector's update; its sample count and settled position must not go back
     * @return windows that are now final, in index order; often empty
     */
    List<WindowPlan> accept(SpeechUpdate update);

    /**
     * Ends the stream. Call once; the cutter takes nothing afterwards.
     *
     * @param finalUpdate the detector's flush: no open span, everything settled ({@link SpeechUpdate#isFinal()})
     * @return the remaining windows, at least one, the last with {@link WindowPlan#last()} set
     */
    List<WindowPlan> finish(SpeechUpdate finalUpdate);

    /** A snapshot to resume from. */
    WindowingState state();
}
