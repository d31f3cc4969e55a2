package dev.callscribe.deadletters;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.tail.DeadLetterText;

/**
 * A dead letter and where it is kept.
 *
 * @param topic     the dead-letter topic
 * @param partition its partition there
 * @param offset    its offset there
 * @param letter    the letter: the rejected record's source, the reason, the original bytes
 */
public record StoredDeadLetter(String topic, int partition, long offset, DeadLetter letter) {

    /** Where the letter is kept, as {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    /** Where the rejected record was read, as {@code topic-partition@offset}. */
    public String source() {
        return DeadLetterText.source(letter);
    }
}
