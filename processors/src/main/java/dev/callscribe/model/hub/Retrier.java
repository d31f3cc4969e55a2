package dev.callscribe.model.hub;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an I/O step up to a bounded number of times. A {@link HubException} is final and passes straight through;
 * any other {@link IOException} (connection reset, timeout, HTTP 429 or 5xx reported as one) is retried after a
 * pause that grows with each attempt. Interruption is never retried.
 *
 * <p>Thread-safe.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final int maxAttempts;
    private final Duration backoff;

    Retrier(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** One attempt of a step. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException;
    }

    /**
     * Runs the step until it succeeds, fails for good or runs out of attempts.
     *
     * @param what what the step does, for logs and errors ("download of onnx/encoder_model.onnx")
     */
    <T> T call(String what, Attempt<T> attempt) throws IOException {
        IOException last = null;
        for (int number = 1; number <= maxAttempts; number++) {
            try {
                return attempt.run();
            } catch (HubException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                LOG.warn("{} failed (attempt {} of {}): {}", what, number, maxAttempts, describe(e));
                if (number < maxAttempts) {
                    pause(backoff.multipliedBy(number));
                }
            }
        }
        throw new IOException(what + " failed after " + maxAttempts + " attempts: " + describe(last), last);
    }

    /** The message, or the kind of failure where there is none (a refused connection has no message). */
    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void pause(Duration duration) throws InterruptedIOException {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry");
        }
    }
}
