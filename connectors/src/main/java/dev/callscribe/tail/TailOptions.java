package dev.callscribe.tail;

import dev.callscribe.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TranscriptFollower} reads and when it stops. Immutable; start from {@link #defaults()} and change
 * fields with the {@code with} copies.
 *
 * @param topics the topic names (default the pipeline's)
 * @param followMetrics whether to read the metrics topic too (default no)
 * @param followDeadLetters whether to read the dead-letter topic too (default no)
 * @param start where to start in every partition (default {@link StartPosition#LATEST})
 * @param callId the one call to show, or empty for every call (default); matched against each record's call id
 * @param stopWhen when to stop on its own (default {@link StopCondition#never()})
 * @param giveUpAfter how long Kafka may go unanswered before following fails (default {@link #DEFAULT_GIVE_UP_AFTER})
 */
public record TailOptions(FollowedTopics topics, boolean followMetrics, boolean followDeadLetters,
                          StartPosition start, Optional<String> callId, StopCondition stopWhen,
                          Duration giveUpAfter) {

    /** Long enough to ride out a broker restart, short enough that a stopped broker does not go unnoticed. */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofSeconds(60);

    /**
     * The topics a follower may read.
     *
     * @param transcripts the transcripts topic, always read (default {@code calls.transcripts})
     * @param metrics the metrics topic (default {@code calls.metrics})
     * @param deadLetters the dead-letter topic (default {@code calls.dead-letter})
     */
    public record FollowedTopics(String transcripts, String metrics, String deadLetters) {

        public FollowedTopics {
            requireName(transcripts, "transcripts topic");
            requireName(metrics, "metrics topic");
            requireName(deadLetters, "dead-letter topic");
        }

        /** The pipeline's default names. */
        public static FollowedTopics defaults() {
            return new FollowedTopics(Topics.TRANSCRIPTS.name(), Topics.METRICS.name(), Topics.DEAD_LETTER.name());
        }
    }

    public TailOptions {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(stopWhen, "stopWhen");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (callId.isPresent() && callId.get().isBlank()) {
            throw new IllegalArgumentException("the call id to follow must not be blank");
        }
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("the time to give up after must be positive, was " + giveUpAfter);
        }
    }

    /** Every call on the default transcripts topic, from now on, no metrics or dead letters, until stopped. */
    public static TailOptions defaults() {
        return new TailOptions(FollowedTopics.defaults(), false, false, StartPosition.LATEST, Optional.empty(),
                StopCondition.never(), DEFAULT_GIVE_UP_AFTER);
    }

    /** A copy reading topics of other names. */
    public TailOptions withTopics(FollowedTopics newTopics) {
        return new TailOptions(newTopics, followMetrics, followDeadLetters, start, callId, stopWhen, giveUpAfter);
    }

    /** A copy that does or does not read the metrics topic. */
    public TailOptions withMetrics(boolean follow) {
        return new TailOptions(topics, follow, followDeadLetters, start, callId, stopWhen, giveUpAfter);
    }

    /** A copy that does or does not read the dead-letter topic. */
    public TailOptions withDeadLetters(boolean follow) {
        return new TailOptions(topics, followMetrics, follow, start, callId, stopWhen, giveUpAfter);
    }

    /** A copy starting elsewhere. */
    public TailOptions withStart(StartPosition newStart) {
        return new TailOptions(topics, followMetrics, followDeadLetters, newStart, callId, stopWhen, giveUpAfter);
    }

    /** A copy showing one call only; {@code null} shows every call. */
    public TailOptions withCallId(String newCallId) {
        return new TailOptions(topics, followMetrics, followDeadLetters, start, Optional.ofNullable(newCallId),
                stopWhen, giveUpAfter);
    }

    /** A copy with another stop condition. */
    public TailOptions withStopWhen(StopCondition newStopWhen) {
        return new TailOptions(topics, followMetrics, followDeadLetters, start, callId, newStopWhen, giveUpAfter);
    }

    /** A copy that gives up after another time without an answer from Kafka. */
    public TailOptions withGiveUpAfter(Duration newGiveUpAfter) {
        return new TailOptions(topics, followMetrics, followDeadLetters, start, callId, stopWhen, newGiveUpAfter);
    }

    /** The topics to read: the transcripts topic, then the metrics and dead-letter topics when followed. */
    public List<String> topicNames() {
        List<String> names = new ArrayList<>(List.of(topics.transcripts()));
        if (followMetrics) {
            names.add(topics.metrics());
        }
        if (followDeadLetters) {
            names.add(topics.deadLetters());
        }
        return List.copyOf(names);
    }

    /** Whether a record of this call is shown; a record that names no call shows only when every call does. */
    public boolean shows(String recordCallId) {
        return callId.map(id -> id.equals(recordCallId)).orElse(true);
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name must not be blank");
        }
    }
}
