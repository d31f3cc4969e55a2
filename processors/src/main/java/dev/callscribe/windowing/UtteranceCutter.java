package dev.callscribe.windowing;

import dev.callscribe.vad.SampleClock;
import dev.callscribe.vad.SpeechSpan;
import dev.callscribe.vad.SpeechUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Utterance-mode windows: consecutive speech spans packed into one window.
 *
 * <p>The rule, on the channel's spans in order (each span from its padded start to its padded end):
 * <ul>
 *   <li>A window opens at the start of the first span not yet in a window; its deadline is that start plus the
 *       latency budget.</li>
 *   <li>The next span joins it if the span starts before the deadline and the window, extended to the span's end,
 *       is no longer than the maximum; the silence between spans stays in the window (the audio is contiguous) and
 *       counts as silence. Otherwise the window is emitted, ending at its last span's end, and the span opens the
 *       next window.</li>
 *   <li>A span that alone exceeds the maximum is split: windows of exactly the maximum length, each starting
 *       {@code splitOverlap} before the previous one's end (half of it a right stride, half the next window's
 *       left stride); the remainder opens a window that packs on as above.</li>
 *   <li>A window with less speech than {@code minSpeechMs} is skipped, unless it continues a split window.</li>
 * </ul>
 * Streaming applies the same rule as soon as the detector's settled position and open span make each decision
 * certain: a window is emitted when a span cannot join it, when an open span has already grown past the maximum,
 * or when the settled position has passed the deadline with no span open; an open span that outgrows the maximum
 * is split at once, without waiting for its end.
 *
 * <p>Not thread-safe.
 */
final class UtteranceCutter implements WindowCutter {

    private final long maxSamples;
    private final long budgetSamples;
    private final long minSpeechSamples;
    private final int leftStride;
    private final int rightStride;
    private int nextIndex;
    private long samplesSeen;
    private long assignedUntil;
    private long windowStart;
    private long windowContentEnd;
    private long windowSpeech;
    private int windowLeftOverlap;
    private boolean finished;

    UtteranceCutter(WindowingOptions options, int sampleRateHz, UtteranceState state) {
        SampleClock clock = new SampleClock(sampleRateHz);
        this.maxSamples = clock.samples(options.maxWindowMs());
        this.budgetSamples = clock.samples(options.latencyBudgetMs());
        this.minSpeechSamples = clock.samples(options.minSpeechMs());
        int overlap = clock.samplesAsInt(options.splitOverlapMs());
        // The next window's left stride takes the odd sample, so a continuation always has one (see emitWindow).
        this.rightStride = overlap / 2;
        this.leftStride = overlap - rightStride;
        this.nextIndex = state.nextIndex();
        this.samplesSeen = state.samplesSeen();
        this.assignedUntil = state.assignedUntil();
        this.windowStart = state.windowStart();
        this.windowContentEnd = state.windowContentEnd();
        this.windowSpeech = state.windowSpeechSamples();
        this.windowLeftOverlap = state.windowLeftOverlap();
    }

    @Override
    public List<WindowPlan> accept(SpeechUpdate update) {
        List<WindowPlan> plans = new ArrayList<>();
        advance(update, plans);
        if (hasContent() && update.openSpan().isEmpty() && update.settledSample() >= deadline()) {
            emitWindow(plans, false);
        }
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
        if (hasContent()) {
            emitWindow(plans, true);
        }
        if (plans.isEmpty() || !plans.get(plans.size() - 1).last()) {
            plans.add(WindowPlan.emptyMarker(nextIndex++, samplesSeen));
        }
        finished = true;
        return plans;
    }

    @Override
    public WindowingState state() {
        return new UtteranceState(nextIndex, samplesSeen, assignedUntil, windowStart, windowContentEnd,
                windowSpeech, windowLeftOverlap);
    }

    private void advance(SpeechUpdate update, List<WindowPlan> plans) {
        if (finished) {
            throw new IllegalStateException("this cutter has finished its stream");
        }
        if (update.samplesSeen() < samplesSeen) {
            throw new IllegalArgumentException("samplesSeen went back from " + samplesSeen + " to "
                    + update.samplesSeen());
        }
        for (SpeechSpan span : update.closedSpans()) {
            offer(span, true, plans);
        }
        update.openSpan().ifPresent(span -> offer(span, false, plans));
        samplesSeen = update.samplesSeen();
    }

    /** Applies the packing rule to a span; an open span is offered again with each update until it closes. */
    private void offer(SpeechSpan span, boolean closed, List<WindowPlan> plans) {
        long unassigned = Math.max(span.startSample(), assignedUntil);
        if (unassigned >= span.endSample()) {
            return;
        }
        boolean joins = span.startSample() < deadline() && span.endSample() - windowStart <= maxSamples;
        if (hasContent() && !joins) {
            emitWindow(plans, false);
        }
        if (windowStart == UtteranceState.NONE) {
            openWindow(unassigned, 0);
        }
        while (span.endSample() - windowStart > maxSamples) {
            emitSplit(span, plans);
        }
        if (closed) {
            windowSpeech += span.endSample() - Math.max(span.startSample(), windowStart);
            windowContentEnd = span.endSample();
            assignedUntil = span.endSample();
        }
    }

    /** Emits the pending window at its full length, cutting {@code span}; the rest of it opens the next one. */
    private void emitSplit(SpeechSpan span, List<WindowPlan> plans) {
        long end = windowStart + maxSamples;
        long speech = windowSpeech + end - Math.max(span.startSample(), windowStart);
        plans.add(new WindowPlan(nextIndex++, windowStart, end, windowLeftOverlap, rightStride, speech, false,
                false));
        assignedUntil = end;
        openWindow(end - leftStride - rightStride, leftStride);
    }

    private void emitWindow(List<WindowPlan> plans, boolean last) {
        if (windowLeftOverlap > 0 || windowSpeech >= minSpeechSamples) {
            plans.add(new WindowPlan(nextIndex++, windowStart, windowContentEnd, windowLeftOverlap, 0,
                    windowSpeech, false, last));
        }
        windowStart = UtteranceState.NONE;
        windowContentEnd = 0;
        windowSpeech = 0;
        windowLeftOverlap = 0;
    }

    private void openWindow(long start, int leftOverlap) {
        windowStart = start;
        windowContentEnd = start;
        windowSpeech = 0;
        windowLeftOverlap = leftOverlap;
    }

    private boolean hasContent() {
        return windowStart != UtteranceState.NONE && windowContentEnd > windowStart;
    }

    private long deadline() {
        return windowStart + budgetSamples;
    }
}
