package dev.callscribe.model.hub;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports downloads as lines without flooding: one line when a file starts, at most one line per interval while it
 * runs (percent done and speed), one line when it is done. The lines go to the log ({@link #LoggingDownloadListener()})
 * or, for a person watching a terminal, anywhere ({@link #forTerminal}), where a progress line also waits for the file
 * to advance by a step of percent, so a large file shows its percentage a few times and a small one not at all.
 *
 * <p>Thread-safe: files downloading in parallel each have their own timing.
 */
public final class LoggingDownloadListener implements DownloadListener {

    /** Default time between two progress lines for one file. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** On a terminal: least time between two progress lines for one file. */
    public static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(2);
    /** On a terminal: least advance, in percent of a file, between two of its progress lines. */
    public static final double TERMINAL_PERCENT_STEP = 10;

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDownloadListener.class);
    private static final double BYTES_PER_MB = 1_000_000.0;
    private static final double BYTES_PER_KB = 1_000.0;
    private static final double NANOS_PER_SECOND = 1e9;

    private final long intervalNanos;
    private final double percentStep;
    private final LongSupplier nanoClock;
    private final Consumer<String> sink;
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    /** Logs to this class's logger at INFO, a progress line at most every {@link #DEFAULT_INTERVAL}. */
    public LoggingDownloadListener() {
        this(DEFAULT_INTERVAL, System::nanoTime, LOG::info);
    }

    /**
     * @param interval  least time between two progress lines for one file
     * @param nanoClock monotonic time in nanoseconds
     * @param sink      where lines go
     */
    LoggingDownloadListener(Duration interval, LongSupplier nanoClock, Consumer<String> sink) {
        this(interval, 0, nanoClock, sink);
    }

    /**
     * @param interval    least time between two progress lines for one file
     * @param percentStep least advance, in percent of the file, between two of its progress lines (0: any); files of
     *                    unknown size are reported by time alone
     * @param nanoClock   monotonic time in nanoseconds
     * @param sink        where lines go
     */
    LoggingDownloadListener(Duration interval, double percentStep, LongSupplier nanoClock, Consumer<String> sink) {
        this.intervalNanos = interval.toNanos();
        this.percentStep = percentStep;
        this.nanoClock = nanoClock;
        this.sink = sink;
    }

    /**
     * A listener for a person watching: a line when a file starts, a progress line when the file has advanced by
     * {@link #TERMINAL_PERCENT_STEP} percent and {@link #TERMINAL_INTERVAL} has passed since its last line, a line
     * when it is done.
     *
     * @param sink where lines go, e.g. a terminal's {@code println}; called from the downloading thread
     * @return the listener
     */
    public static LoggingDownloadListener forTerminal(Consumer<String> sink) {
        return new LoggingDownloadListener(TERMINAL_INTERVAL, TERMINAL_PERCENT_STEP, System::nanoTime, sink);
    }

    @Override
    public void onStart(DownloadProgress progress) {
        long now = nanoClock.getAsLong();
        timings.put(key(progress), new Timing(now, now, progress.percent()));
        String resumed = progress.resumedFromBytes() > 0
            ? ", resuming after " + amount(progress.resumedFromBytes()) : "";
        sink.accept("Downloading " + progress.repoId() + ": " + progress.file() + " (" + size(progress) + resumed
            + ")");
    }

    @Override
    public void onProgress(DownloadProgress progress) {
        Timing timing = timings.get(key(progress));
        long now = nanoClock.getAsLong();
        if (timing == null || !isDue(timing, progress, now)) {
            return;
        }
        timing.lastLineNanos = now;
        timing.lastLinePercent = progress.percent();
        String done = progress.totalBytes() > 0
            ? String.format(Locale.ROOT, "%.0f%% (%s of %s)", progress.percent(), amount(progress.bytesDone()),
                amount(progress.totalBytes()))
            : amount(progress.bytesDone());
        sink.accept(progress.file() + ": " + done + " at " + rate(progress, timing, now));
    }

    /** Whether a progress line is due: enough time and, where the size is known, enough of the file since the last. */
    private boolean isDue(Timing timing, DownloadProgress progress, long now) {
        if (now - timing.lastLineNanos < intervalNanos) {
            return false;
        }
        if (progress.totalBytes() <= 0) {
            return true;
        }
        // The last block needs no line of its own: the completion line follows at once.
        return progress.bytesDone() < progress.totalBytes()
            && progress.percent() - timing.lastLinePercent >= percentStep;
    }

    @Override
    public void onComplete(DownloadProgress progress) {
        Timing timing = timings.remove(key(progress));
        long now = nanoClock.getAsLong();
        String speed = timing == null ? "" : String.format(Locale.ROOT, " in %.1f s at %s",
            (now - timing.startNanos) / NANOS_PER_SECOND, rate(progress, timing, now));
        sink.accept("Downloaded " + progress.repoId() + ": " + progress.file() + " ("
            + amount(progress.bytesDone()) + ")" + speed);
    }

    private static String key(DownloadProgress progress) {
        return progress.repoId() + "/" + progress.file();
    }

    private static String size(DownloadProgress progress) {
        return progress.totalBytes() >= 0 ? amount(progress.totalBytes()) : "size unknown";
    }

    /** In MB, or in kB below 0.1 MB (a configuration file would read "0.0 MB"). */
    private static String amount(double bytes) {
        return bytes < BYTES_PER_MB / 10 ? String.format(Locale.ROOT, "%.1f kB", bytes / BYTES_PER_KB)
            : String.format(Locale.ROOT, "%.1f MB", bytes / BYTES_PER_MB);
    }

    private static String rate(DownloadProgress progress, Timing timing, long now) {
        double seconds = Math.max(now - timing.startNanos, 1) / NANOS_PER_SECOND;
        double fetched = progress.bytesDone() - progress.resumedFromBytes();
        return amount(fetched / seconds) + "/s";
    }

    /**
     * When a file started, and when and how far along its last line was written; touched by its downloading thread
     * only.
     */
    private static final class Timing {

        private final long startNanos;
        private long lastLineNanos;
        private double lastLinePercent;

        Timing(long startNanos, long lastLineNanos, double lastLinePercent) {
            this.startNanos = startNanos;
            this.lastLineNanos = lastLineNanos;
            this.lastLinePercent = lastLinePercent;
        }
    }
}
