package dev.callscribe.windowing;

import dev.callscribe.longform.AudioChunker;
import dev.callscribe.longform.WindowSizes;
import dev.callscribe.vad.SampleClock;
import dev.callscribe.vad.SpeechSpan;
import dev.callscribe.vad.SpeechUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chunked-mode windows: the windows of {@link AudioChunker} (same sizes, starts, strides, first and last), cut as the
 * stream arrives.
 *
 * <p>Window {@code k} covers {@code [k * step, k * step + chunk)}. It is emitted, not last, once the stream has gone
 * past its end (at least one sample more: a stream ending exactly at a window's end makes that window the last,
 * with no right stride, as in {@code AudioChunker}) and the detector has settled its speech up to its end. The
 * window reaching the end of the stream is the last, emitted by {@link #finish}. Each plan counts the speech inside
 * it and is marked speechless when that is under {@code minSpeechMs}.
 *
 * <p>Not thread-safe.
 */
final class ChunkCutter implements WindowCutter {

    private final WindowSizes sizes;
    private final long minSpeechSamples;
    private int nextIndex;
    private long samplesSeen;
    private long frontier;
    private long speechBeforeFrontier;
    private long speechBeforeStart;
    private long speechBeforeNextStart;
    private boolean finished;

    ChunkCutter(WindowingOptions options, int sampleRateHz, ChunkState state) {
        this.sizes = options.chunking().inSamples(sampleRateHz);
        if (2L * sizes.stepSamples() < sizes.chunkSamples()) {
            throw new IllegalArgumentException("at " + sampleRateHz + " Hz the chunk of " + sizes.chunkSamples()
                    + " samples is more than twice its step of " + sizes.stepSamples() + "; use smaller strides");
        }
        this.minSpeechSamples = new SampleClock(sampleRateHz).samples(options.minSpeechMs());
        this.nextIndex = state.nextIndex();
        this.samplesSeen = state.samplesSeen();
        this.frontier = state.frontier();
        this.speechBeforeFrontier = state.speechBeforeFrontier();
        this.speechBeforeStart = state.speechBeforeStart();
        this.speechBeforeNextStart = state.speechBeforeNextStart();
    }

    @Override
    public List<WindowPlan> accept(SpeechUpdate update) {
        List<WindowPlan> plans = new ArrayList<>();
        advance(update, plans);
        return plans;
    }

    @Override
    public List<WindowPlan> finish(SpeechUpdate finalUpdate) {
        if (!finalUpdate.isFinal()) {
            throw new IllegalArgumentException("finish needs the detector's final update (nothing open,"
                    + " everything settled); got " + finalUpdate);
        }
        List<WindowPlan> plans = new ArrayList<>();
        advance(finalUpdate, plans);
        finished = true;
        if (samplesSeen == 0) {
            plans.add(WindowPlan.emptyMarker(nextIndex++, 0));
            return plans;
        }
        // The frontier is at the end of the stream now, so the last window's speech is known.
        plans.add(plan(samplesSeen, speechBeforeFrontier - speechBeforeStart, true));
        nextIndex++;
        return plans;
    }

    @Override
    public WindowingState state() {
        return new ChunkState(nextIndex, samplesSeen, frontier, speechBeforeFrontier, speechBeforeStart,
                speechBeforeNextStart);
    }

    private void advance(SpeechUpdate update, List<WindowPlan> plans) {
        if (finished) {
            throw new IllegalStateException("this cutter has finished its stream");
        }
        if (update.samplesSeen() < samplesSeen || update.settledSample() < frontier) {
            throw new IllegalArgumentException("samplesSeen and settledSample must not go back; had " + samplesSeen
                    + " and " + frontier + ", got " + update.samplesSeen() + " and " + update.settledSample());
        }
        samplesSeen = update.samplesSeen();
        SpeechCount count = new SpeechCount(update, frontier, speechBeforeFrontier);
        long known = update.settledSample();
        for (long end = start(nextIndex) + sizes.chunkSamples(); end < samplesSeen && end <= known;
                end = start(nextIndex) + sizes.chunkSamples()) {
            long nextStart = start(nextIndex + 1);
            // A start the frontier had passed before this update was counted then (at most the next one).
            long beforeNext = nextStart < frontier ? speechBeforeNextStart : count.before(nextStart);
            plans.add(plan(end, count.before(end) - speechBeforeStart, false));
            nextIndex++;
            speechBeforeStart = beforeNext;
        }
        long nextStart = start(nextIndex + 1);
        if (nextStart >= frontier && nextStart <= known) {
            speechBeforeNextStart = count.before(nextStart);
        }
        speechBeforeFrontier = count.before(known);
        frontier = known;
    }

    /** The plan of the next window, ending at {@code end}; strides as {@link AudioChunker} sets them. */
    private WindowPlan plan(long end, long speech, boolean last) {
        int left = nextIndex == 0 ? 0 : sizes.strideLeftSamples();
        int right = last ? 0 : sizes.strideRightSamples();
        return new WindowPlan(nextIndex, start(nextIndex), end, left, right, speech, speech < minSpeechSamples,
                last);
    }

    private long start(int index) {
        return (long) index * sizes.stepSamples();
    }

    /** Running speech counts between the frontier and the update's settled position. */
    private record SpeechCount(SpeechUpdate update, long frontier, long speechBeforeFrontier) {

        /** Speech samples before {@code position}, which lies between the frontier and the settled position. */
        long before(long position) {
            long speech = speechBeforeFrontier;
            for (SpeechSpan span : update.closedSpans()) {
                speech += span.overlapSamples(frontier, position);
            }
            if (update.openSpan().isPresent()) {
                speech += update.openSpan().get().overlapSamples(frontier, position);
            }
            return speech;
        }
    }
}
