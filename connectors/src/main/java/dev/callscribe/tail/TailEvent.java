package dev.callscribe.tail;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import java.util.Objects;

/**
 * One record a {@link TranscriptFollower} read: a transcript revision from {@code calls.transcripts}, a latency
 * metric from {@code calls.metrics} or a rejected record from {@code calls.dead-letter}. The Avro records inside are
 * the deserialized values; listeners must not change them.
 */
public sealed interface TailEvent {

    /** The call the record belongs to; null for a dead letter whose call could not be told. */
    String callId();

    /** A transcript revision: INTERIM or FINAL, of one channel or (channel null) the combined call. */
    record OfTranscript(Transcript transcript) implements TailEvent {
        public OfTranscript {
            Objects.requireNonNull(transcript, "transcript");
        }

        @Override
        public String callId() {
            return transcript.getCallId();
        }

        /** Whether this is the combined FINAL of the whole call, the last transcript record of a call. */
        public boolean isCombinedFinal() {
            return transcript.getChannel() == null && transcript.getKind() == TranscriptKind.FINAL;
        }
    }

    /** A latency metric: of one window, or (scope CALL) of the whole call, published at its combined FINAL. */
    record OfMetric(LatencyMetric metric) implements TailEvent {
        public OfMetric {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String callId() {
            return metric.getCallId();
        }

        /** Whether this is the call's summary, published once when the call is final. */
        public boolean isCallSummary() {
            return metric.getScope() == MetricScope.CALL;
        }
    }

    /** A record a stage rejected, with the reason, where it was read and its original bytes. */
    record OfDeadLetter(DeadLetter letter) implements TailEvent {
        public OfDeadLetter {
            Objects.requireNonNull(letter, "letter");
        }

        @Override
        public String callId() {
            return letter.getCallId();
        }
    }
}
