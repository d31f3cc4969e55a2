package dev.callscribe.connect;

import dev.callscribe.avro.DeadLetterReason;

/** A file the connector cannot publish, with the reason its dead letter carries. */
final class RecordingRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;

    RecordingRejectedException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    DeadLetterReason reason() {
        return reason;
    }

    /** The class of the failure behind the rejection, or null when the connector's own check found it. */
    String causeClass() {
        return getCause() == null ? null : getCause().getClass().getName();
    }
}
