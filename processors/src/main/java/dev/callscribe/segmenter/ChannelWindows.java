package dev.callscribe.segmenter;

import dev.callscribe.vad.SpeechDetector;
import dev.callscribe.vad.VadOptions;
import dev.callscribe.vad.VadState;
import dev.callscribe.windowing.ChunkState;
import dev.callscribe.windowing.UtteranceState;
import dev.callscribe.windowing.WindowCutter;
import dev.callscribe.windowing.WindowPlan;
import dev.callscribe.windowing.WindowingOptions;
import dev.callscribe.windowing.WindowingState;
import java.util.List;

/**
 * One channel's speech detection and window cutting, resumed from and saved to its {@link ChannelCut}: samples in,
 * final window plans out.
 */
final class ChannelWindows {

    private final WindowingOptions windowing;
    private final int sampleRateHz;
    private final SpeechDetector detector;
    private final WindowCutter cutter;

    private ChannelWindows(WindowingOptions windowing, int sampleRateHz, SpeechDetector detector,
                           WindowCutter cutter) {
        this.windowing = windowing;
        this.sampleRateHz = sampleRateHz;
        this.detector = detector;
        this.cutter = cutter;
    }

    static ChannelCut initialCut(VadOptions vad, WindowingOptions windowing) {
        return new ChannelCut(VadState.initial().toBytes(), WindowingState.initial(windowing.mode()).toBytes(), 0,
                List.of());
    }

    static ChannelWindows resume(VadOptions vad, WindowingOptions windowing, int sampleRateHz, ChannelCut cut) {
        SpeechDetector detector = SpeechDetector.resume(vad, sampleRateHz, VadState.fromBytes(cut.vad()));
        WindowCutter cutter = WindowCutter.resume(windowing, sampleRateHz, WindowingState.fromBytes(cut.windowing()));
        return new ChannelWindows(windowing, sampleRateHz, detector, cutter);
    }

    /** Takes the channel's next samples; returns the windows that are now final. */
    List<WindowPlan> accept(float[] samples) {
        return cutter.accept(detector.accept(samples));
    }

    /** Ends the channel: the remaining windows, the last one flagged. */
    List<WindowPlan> finish() {
        return cutter.finish(detector.flush());
    }

    /** The state to store, with the segmenter's own bookkeeping carried over. */
    ChannelCut save(long lastWindowEnd, List<long[]> gaps) {
        return new ChannelCut(detector.state().toBytes(), cutter.state().toBytes(), lastWindowEnd, gaps);
    }

    /**
     * The earliest sample a future window may include: audio before it can be released. Chunked windows start at
     * multiples of the step; an utterance window starts no earlier than its pending start, or than the speech not
     * yet assigned less the overlap a split window repeats.
     */
    long retainFrom() {
        WindowingState state = cutter.state();
        if (state instanceof ChunkState chunk) {
            return chunk.nextIndex() * windowing.chunking().inSamples(sampleRateHz).stepSamples();
        }
        UtteranceState utterance = (UtteranceState) state;
        long unassigned = utterance.assignedUntil() - (long) windowing.splitOverlapMs() * sampleRateHz / 1000;
        long from = utterance.windowStart() == UtteranceState.NONE ? unassigned
                : Math.min(utterance.windowStart(), unassigned);
        return Math.max(0, from);
    }
}
