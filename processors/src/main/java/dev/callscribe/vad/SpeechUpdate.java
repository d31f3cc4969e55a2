package dev.callscribe.vad;

import java.util.List;
import java.util.Optional;

/**
 * What a voice activity detector knows about one channel after a chunk: how much audio it has seen, the spans that
 * closed during the chunk, the span still open, and how far back its verdict is final.
 *
 * <p>Consumers ({@code dev.callscribe.windowing}) rely on three promises:
 * <ul>
 *   <li>Spans are reported in stream order, never overlap, and a closed span is reported once.</li>
 *   <li>The open span is confirmed speech (it will be reported closed later with the same start and an end at
 *       least its current end): its end is a lower bound, not a guess.</li>
 *   <li>Before {@code settledSample}, a sample is speech if and only if it lies in a span reported so far (closed
 *       in this update or an earlier one, or the open span). Later updates never change that past.</li>
 * </ul>
 *
 * @param samplesSeen samples of the channel fed to the detector so far
 * @param settledSample the verdict on every sample before this position is final; at most {@code samplesSeen}
 * @param closedSpans spans that closed since the previous update, in order; immutable
 * @param openSpan the confirmed span in progress, if any
 */
public record SpeechUpdate(long samplesSeen, long settledSample, List<SpeechSpan> closedSpans,
                           Optional<SpeechSpan> openSpan) {

    /** Checks positions and order, and copies the span list. */
    public SpeechUpdate {
        if (samplesSeen < 0 || settledSample < 0 || settledSample > samplesSeen) {
            throw new IllegalArgumentException("need 0 <= settledSample <= samplesSeen; got settledSample "
                    + settledSample + " and samplesSeen " + samplesSeen);
        }
        closedSpans = List.copyOf(closedSpans);
        openSpan = openSpan == null ? Optional.empty() : openSpan;
        long previousEnd = 0;
        for (SpeechSpan span : closedSpans) {
            requireInOrder(span, previousEnd, samplesSeen, "closed span");
            previousEnd = span.endSample();
        }
        if (openSpan.isPresent()) {
            requireInOrder(openSpan.get(), previousEnd, samplesSeen, "open span");
            if (settledSample > openSpan.get().endSample()) {
                throw new IllegalArgumentException("settledSample " + settledSample + " must not pass the open"
                        + " span's end " + openSpan.get().endSample() + ": what follows it is not decided yet");
            }
        }
    }

    /** An update for the end of the stream: everything seen is settled and no span is open. */
    public static SpeechUpdate finalUpdate(long samplesSeen, List<SpeechSpan> closedSpans) {
        return new SpeechUpdate(samplesSeen, samplesSeen, closedSpans, Optional.empty());
    }

    /** Whether no span is open and everything seen is settled, as at the end of a stream. */
    public boolean isFinal() {
        return openSpan.isEmpty() && settledSample == samplesSeen;
    }

    private static void requireInOrder(SpeechSpan span, long previousEnd, long samplesSeen, String what) {
        if (span.startSample() < previousEnd || span.endSample() > samplesSeen) {
            throw new IllegalArgumentException(what + " " + span + " must start at or after " + previousEnd
                    + " (the previous span's end) and end at or before samplesSeen " + samplesSeen);
        }
    }
}
