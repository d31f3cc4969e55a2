package dev.callscribe.transcriber;

import dev.callscribe.avro.DeadLetterReason;
import java.util.List;

/**
 * What one transaction carries, counted once it commits.
 *
 * @param transcripts window transcripts in it
 * @param audioSeconds seconds of audio those transcripts cover
 * @param deadLetters the reason of each dead letter in it
 */
record CommitStats(int transcripts, double audioSeconds, List<DeadLetterReason> deadLetters) {

    CommitStats {
        deadLetters = List.copyOf(deadLetters);
    }
}
