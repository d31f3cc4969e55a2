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
 * Logs downloads without flooding the log: one line when a file starts, at most one line per interval while it
 * runs (percent done and speed), one line when it is done.
 *
 * <p>Thread-safe: files downloading in parallel each have their own timing.
 */
public final class LoggingDownloadListener implements DownloadListener {

    /** Default time between two progress lines for one file. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDownloadListener.class);
    private static final double BYTES_PER_MB = 1_000_000.0;
    private static final double NANOS_PER_SECOND = 1e9;

    private final long intervalNanos;
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
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.sink = sink;
    }

    @Override
    public void onStart(DownloadProgress progress) {
        long now = nanoClock.getAsLong();
        timings.put(key(progress), new Timing(now, now));
        String resumed = progress.resumedFromBytes() > 0
            ? ", resuming after " + megabytes(progress.resumedFromBytes()) : "";
        sink.accept("Downloading " + progress.repoId() + ": " + progress.file() + " (" + size(progress) + resumed
            + ")");
    }

    @Override
    public void onProgress(DownloadProgress progress) {
        Timing timing = timings.get(key(progress));
        long now = nanoClock.getAsLong();
        if (timing == null || now - timing.lastLineNanos < intervalNanos) {
            return;
        }
        timing.lastLineNanos = now;
        String done = progress.totalBytes() > 0
            ? String.format(Locale.ROOT, "%.0f%% (%s of %s)", progress.percent(), megabytes(progress.bytesDone()),
                megabytes(progress.totalBytes()))
            : megabytes(progress.bytesDone());
        sink.accept(progress.file() + ": " + done + " at " + rate(progress, timing, now));
    }

    @Override
    public void onComplete(DownloadProgress progress) {
        Timing timing = timings.remove(key(progress));
        long now = nanoClock.getAsLong();
        String speed = timing == null ? "" : String.format(Locale.ROOT, " in %.1f s at %s",
            (now - timing.startNanos) / NANOS_PER_SECOND, rate(progress, timing, now));
        sink.accept("Downloaded " + progress.repoId() + ": " + progress.file() + " ("
            + megabytes(progress.bytesDone()) + ")" + speed);
    }

    private static String key(DownloadProgress progress) {
        return progress.repoId() + "/" + progress.file();
    }

    private static String size(DownloadProgress progress) {
        return progress.totalBytes() >= 0 ? megabytes(progress.totalBytes()) : "size unknown";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / BYTES_PER_MB);
    }

    private static String rate(DownloadProgress progress, Timing timing, long now) {
        double seconds = Math.max(now - timing.startNanos, 1) / NANOS_PER_SECOND;
        double fetched = progress.bytesDone() - progress.resumedFromBytes();
        return String.format(Locale.ROOT, "%.1f MB/s", fetched / BYTES_PER_MB / seconds);
    }

    /** When a file started and when its last progress line was written; touched by its downloading thread only. */
    private static final class Timing {

        private final long startNanos;
        private long lastLineNanos;

        Timing(long startNanos, long lastLineNanos) {
            this.startNanos = startNanos;
            this.lastLineNanos = lastLineNanos;
        }
    }
}
