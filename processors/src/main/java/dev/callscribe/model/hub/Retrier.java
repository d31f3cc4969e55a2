package dev.callscribe.model.hub;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an I/O step up to a bounded number of times in a row. A {@link HubException} is final and passes straight
 * through; any other {@link IOException} (connection reset, timeout, HTTP 429 or 5xx reported as one) is retried after
 * a pause that grows with each attempt, unless the caller has a better answer to it (a cached copy when the Hub cannot
 * be reached). A step that reports progress (bytes downloaded) starts its count again whenever it made some, so a
 * large download on a line that drops now and then is not abandoned while it advances. Interruption is never retried.
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
        return call(what, attempt, failure -> false);
    }

    /**
     * As {@link #call(String, Attempt)}, but a failure that {@code answeredElsewhere} accepts is thrown at once,
     * without retrying: the caller has a better answer to it than waiting.
     */
    <T> T call(String what, Attempt<T> attempt, Predicate<IOException> answeredElsewhere) throws IOException {
        return run(what, attempt, answeredElsewhere, () -> 0);
    }

    /**
     * As {@link #call(String, Attempt)}, but the count of attempts starts again after a failed attempt that made
     * progress: {@code progress} (bytes on disk, say) went past the most it had reached before. The retries end when
     * {@code maxAttempts} attempts in a row make none.
     */
    <T> T callCountingFromProgress(String what, Attempt<T> attempt, LongSupplier progress) throws IOException {
        return run(what, attempt, failure -> false, progress);
    }

    private <T> T run(String what, Attempt<T> attempt, Predicate<IOException> answeredElsewhere,
                      LongSupplier progress) throws IOException {
        long mostProgress = progress.getAsLong();
        int failuresInARow = 0;
        while (true) {
            try {
                return attempt.run();
            } catch (HubException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (answeredElsewhere.test(e)) {
                    throw e;
                }
                long now = progress.getAsLong();
                if (now > mostProgress) {
                    mostProgress = now;
                    failuresInARow = 0;
                }
                failuresInARow++;
                LOG.warn("{} failed (attempt {} of {}{}): {}", what, failuresInARow, maxAttempts,
                    mostProgress > 0 ? " since data last arrived" : "", describe(e));
                if (failuresInARow >= maxAttempts) {
                    throw new IOException(what + " failed after " + maxAttempts + " attempts" + (mostProgress > 0
                        ? " in a row without progress" : "") + ": " + describe(e), e);
                }
                pause(backoff.multipliedBy(failuresInARow));
            }
        }
    }

    /** The message, or the kind of failure where there is none (a refused connection has no message). */
    static String describe(IOException e) {
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
