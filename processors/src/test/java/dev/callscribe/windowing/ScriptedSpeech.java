package dev.callscribe.windowing;

import dev.callscribe.vad.SpeechSpan;
import dev.callscribe.vad.SpeechUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for a voice activity detector that knows the final spans in advance and reports them as a real one
 * would at any position of the stream: a span becomes open {@code confirmSamples} after its start, closes
 * {@code closeSamples} after its end, and the settled position waits for spans not reported yet.
 */
final class ScriptedSpeech {

    private final List<SpeechSpan> spans;
    private final long totalSamples;
    private final long confirmSamples;
    private final long closeSamples;
    private int closedReported;

    ScriptedSpeech(List<SpeechSpan> spans, long totalSamples, long confirmSamples, long closeSamples) {
        this.spans = List.copyOf(spans);
        this.totalSamples = totalSamples;
        this.confirmSamples = confirmSamples;
        this.closeSamples = closeSamples;
    }

    /** What the detector reports once it has seen {@code position} samples; positions must not go back. */
    SpeechUpdate at(long position) {
        List<SpeechSpan> closed = new ArrayList<>();
        while (closedReported < spans.size() && spans.get(closedReported).endSample() + closeSamples <= position) {
            closed.add(spans.get(closedReported++));
        }
        Optional<SpeechSpan> open = Optional.empty();
        long settled = position;
        if (closedReported < spans.size()) {
            SpeechSpan next = spans.get(closedReported);
            if (next.startSample() + confirmSamples <= position && position > next.startSample()) {
                open = Optional.of(new SpeechSpan(next.startSample(), Math.min(next.endSample(), position)));
                settled = open.get().endSample();
            } else {
                settled = Math.min(position, next.startSample());
            }
        }
        return new SpeechUpdate(position, settled, closed, open);
    }

    /** The detector's flush at the end of the stream. */
    SpeechUpdate flush() {
        List<SpeechSpan> closed = new ArrayList<>(spans.subList(closedReported, spans.size()));
        closedReported = spans.size();
        return SpeechUpdate.finalUpdate(totalSamples, closed);
    }

    /** Feeds a cutter with updates at each position, then finishes it; returns every plan. */
    static List<WindowPlan> feed(WindowCutter cutter, ScriptedSpeech speech, List<Long> positions) {
        List<WindowPlan> plans = new ArrayList<>();
        for (long position : positions) {
            plans.addAll(cutter.accept(speech.at(position)));
        }
        plans.addAll(cutter.finish(speech.flush()));
        return plans;
    }
}
