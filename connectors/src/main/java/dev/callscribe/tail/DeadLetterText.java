package dev.callscribe.tail;

import dev.callscribe.avro.DeadLetter;

/** A dead letter in one line of text, as {@code tail --dead-letters} and {@code dead-letters list} print it. */
public final class DeadLetterText {

    private DeadLetterText() {
    }

    /**
     * When, which stage, why, where the record was read, the call, and the reason in words, e.g.
     * {@code 2026-12-08T01:22:42.645Z segmenter OVERSIZE_CHUNK calls.audio-1@60 call big-1: chunk of 12000 ms ...}.
     */
    public static String line(DeadLetter letter) {
        return letter.getFailedAt() + " " + letter.getStage() + " " + letter.getReason() + " " + source(letter)
                + " call " + (letter.getCallId() == null ? "?" : letter.getCallId()) + ": "
                + letter.getMessage().replace('\n', ' ');
    }

    /** Where the rejected record was read, as {@code topic-partition@offset}. */
    public static String source(DeadLetter letter) {
        return letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset();
    }
}
