package dev.callscribe.segmenter;

import dev.callscribe.avro.DeadLetterReason;

/**
 * Why a chunk is refused: a reason code for the dead letter and the reason in words.
 *
 * @param reason the code
 * @param message what was wrong, the value, what was expected
 */
record ChunkRejection(DeadLetterReason reason, String message) {
}
