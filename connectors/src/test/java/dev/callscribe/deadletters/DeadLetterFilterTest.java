package dev.callscribe.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {

    private static final DeadLetter LATE = letter("call-1", "calls.audio", DeadLetterReason.LATE_CHUNK);

    @Test
    void shouldTakeEveryLetterWhenNothingIsChosen() {
        assertThat(DeadLetterFilter.all().matches(LATE)).isTrue();
    }

    @Test
    void shouldTakeOnlyLettersMeetingEveryCriterionGiven() {
        DeadLetterFilter lateAudioOfCall1 = DeadLetterFilter.all().withReasons(Set.of(DeadLetterReason.LATE_CHUNK,
                DeadLetterReason.DUPLICATE_SEQ)).withCallId("call-1").withSourceTopic("calls.audio");

        assertThat(lateAudioOfCall1.matches(LATE)).isTrue();
        assertThat(lateAudioOfCall1.matches(letter("call-2", "calls.audio", DeadLetterReason.LATE_CHUNK))).isFalse();
        assertThat(lateAudioOfCall1.matches(letter("call-1", "calls.windows", DeadLetterReason.LATE_CHUNK)))
                .isFalse();
        assertThat(lateAudioOfCall1.matches(letter("call-1", "calls.audio", DeadLetterReason.INVALID_SEQ)))
                .isFalse();
    }

    @Test
    void shouldNotMatchALetterWithoutACallIdWhenACallIsChosen() {
        assertThat(DeadLetterFilter.all().withCallId("call-1").matches(letter(null, "calls.audio",
                DeadLetterReason.UNDECODABLE_RECORD))).isFalse();
    }

    private static DeadLetter letter(String callId, String sourceTopic, DeadLetterReason reason) {
        return DeadLetter.newBuilder().setSourceTopic(sourceTopic).setSourcePartition(0).setSourceOffset(5)
                .setStage("segmenter").setReason(reason).setMessage(reason.name()).setCallId(callId)
                .setFailedAt(Instant.EPOCH).build();
    }
}
