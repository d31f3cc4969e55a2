package dev.callscribe.windowing;

import dev.callscribe.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The utterance packing rule applied offline to a channel's final spans, written independently of the streaming
 * cutter as the oracle its plans are checked against. Plans come without the {@code last} flag (always false): when
 * a window is emitted, before or at the end of the stream, is the streaming side's business.
 */
final class UtteranceReference {

    private UtteranceReference() {
    }

    /** Durations in samples; strides as the cutter splits the overlap (the odd sample on the left). */
    static List<WindowPlan> windows(List<SpeechSpan> spans, long max, long budget, long overlap, long minSpeech) {
        int right = (int) (overlap / 2);
        int left = (int) (overlap - right);
        List<WindowPlan> plans = new ArrayList<>();
        int k = 0;
        while (k < spans.size()) {
            SpeechSpan first = spans.get(k++);
            long start = first.startSample();
            int leftOverlap = 0;
            while (first.endSample() - start > max) {
                long speech = start + max - Math.max(first.startSample(), start);
                plans.add(new WindowPlan(plans.size(), start, start + max, leftOverlap, right, speech, false, false));
                start = start + max - overlap;
                leftOverlap = left;
            }
            long end = first.endSample();
            long speech = end - Math.max(first.startSample(), start);
            while (k < spans.size() && spans.get(k).startSample() < start + budget
                    && spans.get(k).endSample() - start <= max) {
                speech += spans.get(k).lengthSamples();
                end = spans.get(k++).endSample();
            }
            if (leftOverlap > 0 || speech >= minSpeech) {
                plans.add(new WindowPlan(plans.size(), start, end, leftOverlap, 0, speech, false, false));
            }
        }
        return plans;
    }
}
