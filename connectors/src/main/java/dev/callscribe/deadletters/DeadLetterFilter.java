package dev.callscribe.deadletters;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import java.util.Optional;
import java.util.Set;

/**
 * Which dead letters to list or replay: all of them, or those of some reasons, one call, one source topic. Every
 * criterion given must hold.
 *
 * @param reasons     the reasons to take; empty takes every reason
 * @param callId      the call to take, matched against the letter's call id
 * @param sourceTopic the topic the rejected record was read from
 */
public record DeadLetterFilter(Set<DeadLetterReason> reasons, Optional<String> callId, Optional<String> sourceTopic) {

    public DeadLetterFilter {
        reasons = Set.copyOf(reasons);
    }

    /** Every dead letter. */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(Set.of(), Optional.empty(), Optional.empty());
    }

    /** The same filter taking only these reasons. */
    public DeadLetterFilter withReasons(Set<DeadLetterReason> newReasons) {
        return new DeadLetterFilter(newReasons, callId, sourceTopic);
    }

    /** The same filter taking only this call. */
    public DeadLetterFilter withCallId(String newCallId) {
        return new DeadLetterFilter(reasons, Optional.of(newCallId), sourceTopic);
    }

    /** The same filter taking only letters of records read from this topic. */
    public DeadLetterFilter withSourceTopic(String newSourceTopic) {
        return new DeadLetterFilter(reasons, callId, Optional.of(newSourceTopic));
    }

    /** Whether the letter passes every criterion. */
    public boolean matches(DeadLetter letter) {
        return (reasons.isEmpty() || reasons.contains(letter.getReason()))
                && callId.map(id -> id.equals(letter.getCallId())).orElse(true)
                && sourceTopic.map(topic -> topic.equals(letter.getSourceTopic())).orElse(true);
    }
}
