package dev.callscribe.transcriber;

/**
 * The batch in flight was given up uncommitted because the shutdown grace period ran out; another worker (or this
 * one's successor) transcribes its windows again from the committed offsets.
 */
final class AbandonedBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AbandonedBatchException(String message) {
        super(message, null, false, false);
    }
}
