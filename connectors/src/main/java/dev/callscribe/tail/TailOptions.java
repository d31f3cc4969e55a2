package dev.callscribe.tail;

import dev.callscribe.schemas.Topics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TranscriptFollower} reads and when it stops. Immutable; start from {@link #defaults()} and change
 * fields with the {@code with} copies.
 *
 * @param transcriptsTopic the transcripts topic (default {@code calls.transcripts})
 * @param metricsTopic the metrics topic (default {@code calls.metrics}); read only when {@code followMetrics}
 * @param followMetrics whether to read the metrics topic too (default no)
 * @param start where to start in every partition (default {@link StartPosition#LATEST})
 * @param callId the one call to show, or empty for every call (default); matched against record keys
 * @param stopWhen when to stop on its own (default {@link StopCondition#never()})
 */
public record TailOptions(String transcriptsTopic, String metricsTopic, boolean followMetrics, StartPosition start,
                          Optional<String> callId, StopCondition stopWhen) {

    public TailOptions {
        requireName(transcriptsTopic, "transcripts topic");
        requireName(metricsTopic, "metrics topic");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(stopWhen, "stopWhen");
        if (callId.isPresent() && callId.get().isBlank()) {
            throw new IllegalArgumentException("the call id to follow must not be blank");
        }
    }

    /** Every call on the default transcripts topic, from now on, no metrics, until stopped. */
    public static TailOptions defaults() {
        return new TailOptions(Topics.TRANSCRIPTS.name(), Topics.METRICS.name(), false, StartPosition.LATEST,
                Optional.empty(), StopCondition.never());
    }

    /** A copy reading topics of other names. */
    public TailOptions withTopics(String newTranscriptsTopic, String newMetricsTopic) {
        return new TailOptions(newTranscriptsTopic, newMetricsTopic, followMetrics, start, callId, stopWhen);
    }

    /** A copy that does or does not read the metrics topic. */
    public TailOptions withMetrics(boolean follow) {
        return new TailOptions(transcriptsTopic, metricsTopic, follow, start, callId, stopWhen);
    }

    /** A copy starting elsewhere. */
    public TailOptions withStart(StartPosition newStart) {
        return new TailOptions(transcriptsTopic, metricsTopic, followMetrics, newStart, callId, stopWhen);
    }

    /** A copy showing one call only; {@code null} shows every call. */
    public TailOptions withCallId(String newCallId) {
        return new TailOptions(transcriptsTopic, metricsTopic, followMetrics, start, Optional.ofNullable(newCallId),
                stopWhen);
    }

    /** A copy with another stop condition. */
    public TailOptions withStopWhen(StopCondition newStopWhen) {
        return new TailOptions(transcriptsTopic, metricsTopic, followMetrics, start, callId, newStopWhen);
    }

    /** The topics to read: the transcripts topic, then the metrics topic when followed. */
    public List<String> topics() {
        return followMetrics ? List.of(transcriptsTopic, metricsTopic) : List.of(transcriptsTopic);
    }

    /** Whether a record with this key is shown. */
    public boolean shows(String key) {
        return callId.map(id -> id.equals(key)).orElse(true);
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name must not be blank");
        }
    }
}
