package dev.callscribe.pipeline;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a role's dead letters at WARN without flooding the log: per reason, the first letter is logged at once (with
 * its exception, if any); the letters that follow within the interval are only counted, and one line per interval
 * sums them up with the last one ("12 more records dead-lettered for UNSUPPORTED_ENCODING in the last 60 s, last:
 * call X: ..."). A summary is written by the next letter of any reason once the interval has passed, or by
 * {@link #flush()}, which roles call from a timer. The dead letters themselves are all on the topic.
 *
 * <p>Thread-safe: stream threads of one role may share an instance.
 */
public final class DeadLetterLog {

    /** How often a reason's letters are summed up in one line. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    /** Where lines go: the WARN level of a logger in production, a list in tests. */
    @FunctionalInterface
    public interface Sink {
        /** Writes one line; {@code failure} may be null. */
        void warn(String line, Throwable failure);
    }

    private final Sink sink;
    private final LongSupplier clockMs;
    private final long intervalMs;
    private final Map<DeadLetterReason, Window> windows = new EnumMap<>(DeadLetterReason.class);

    /** Letters of one reason since its latest line. */
    private static final class Window {
        private final long startMs;
        private long suppressed;
        private DeadLetter last;

        private Window(long startMs) {
            this.startMs = startMs;
        }
    }

    /** Lines to {@code logger} at WARN, on the system clock, every {@link #DEFAULT_INTERVAL}. */
    public DeadLetterLog(Logger logger) {
        this(logger::warn, System::currentTimeMillis, DEFAULT_INTERVAL);
    }

    /**
     * @param sink where lines go
     * @param clockMs the time in milliseconds
     * @param interval how long a reason's letters are only counted after a line about it
     */
    public DeadLetterLog(Sink sink, LongSupplier clockMs, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.sink = sink;
        this.clockMs = clockMs;
        this.intervalMs = interval.toMillis();
    }

    /** Logs a letter now, or counts it for its reason's next summary; {@code failure} may be null. */
    public synchronized void rejected(DeadLetter letter, Throwable failure) {
        long now = clockMs.getAsLong();
        flushDue(now);
        Window window = windows.get(letter.getReason());
        if (window != null) {
            window.suppressed++;
            window.last = letter;
            return;
        }
        windows.put(letter.getReason(), new Window(now));
        sink.warn(String.format(Locale.ROOT, "%s dead-lettered a record of call %s (%s-%d offset %d) for %s: %s; "
                        + "more for %s are summed up every %d s", letter.getStage(), letter.getCallId(),
                letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(), letter.getReason(),
                letter.getMessage(), letter.getReason(), intervalMs / 1000), failure);
    }

    /** Writes the summaries whose interval has passed. */
    public synchronized void flush() {
        flushDue(clockMs.getAsLong());
    }

    private void flushDue(long now) {
        Iterator<Map.Entry<DeadLetterReason, Window>> entries = windows.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<DeadLetterReason, Window> entry = entries.next();
            Window window = entry.getValue();
            if (now - window.startMs < intervalMs) {
                continue;
            }
            if (window.suppressed == 0) {
                entries.remove(); // a quiet interval: the reason's next letter is logged at once again
            } else {
                summarize(entry.getKey(), window, now);
                // The summary is this interval's line: letters in the next interval are counted for the next one.
                entry.setValue(new Window(now));
            }
        }
    }

    private void summarize(DeadLetterReason reason, Window window, long now) {
        DeadLetter last = window.last;
        sink.warn(String.format(Locale.ROOT, "%d more record%s dead-lettered for %s by %s in the last %d s, last: "
                        + "call %s (%s-%d offset %d): %s", window.suppressed, window.suppressed == 1 ? "" : "s",
                reason, last.getStage(), (now - window.startMs) / 1000, last.getCallId(), last.getSourceTopic(),
                last.getSourcePartition(), last.getSourceOffset(), last.getMessage()), null);
    }
}
