package dev.callscribe.transcriber;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Sorts the failures of a transactional cycle into the two groups of Kafka's ExactlyOnceMessageProcessor (poison
 * input, the third group, never gets here: it becomes a dead letter).
 */
final class Failures {

    /** What the worker does about a failure. */
    enum Kind {
        /**
         * This worker can no longer write safely: another instance took over its transactional id or group
         * membership (fenced), it is not allowed to, or the broker cannot do transactions. Close and report
         * unhealthy; a restart (a fresh producer) is the only way on.
         */
        FATAL,
        /** The transaction failed but the clients are fine: abort, rewind to the committed offsets, try again. */
        ABORTABLE
    }

    private Failures() {
    }

    /**
     * The group a failure of the poll, the sends or the commit belongs to. The producer may wrap the error that put
     * it in a fatal state ("Cannot execute transactional method because we are in an error state"), so the whole
     * cause chain is examined.
     */
    static Kind classify(KafkaException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isFatal(cause)) {
                return Kind.FATAL;
            }
        }
        return Kind.ABORTABLE;
    }

    private static boolean isFatal(Throwable failure) {
        // Fenced producer or instance, invalid producer epoch, unknown producer id mapping: Kafka's own
        // "recreate the producer" group (KIP-1050).
        return failure instanceof ApplicationRecoverableException
                || failure instanceof AuthorizationException
                || failure instanceof AuthenticationException
                || failure instanceof UnsupportedVersionException
                || failure instanceof UnsupportedForMessageFormatException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof InvalidConfigurationException
                // The producer treats it as fatal: its transaction was completed for it (aborted after a timeout).
                || failure instanceof InvalidTxnStateException;
    }
}
