package dev.callscribe.model.hub;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download stream that has received nothing for too long, so that a silent connection (which
 * {@link java.net.http.HttpClient} would wait on forever: its timeout covers only the headers) ends and the download
 * resumes on a new one. The reader reports each block with {@link #progressed()} and asks {@link #fired()} when its
 * read ends.
 *
 * <p>Thread-safe; checks run on one shared daemon thread.
 */
final class StallWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hub-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Checks run four times per timeout, so a stall is caught within 1.25 timeouts. */
    private static final int CHECKS_PER_TIMEOUT = 4;

    private final Closeable stream;
    private final long timeoutNanos;
    private volatile long lastProgressNanos;
    private volatile boolean fired;
    private final ScheduledFuture<?> check;

    StallWatchdog(Closeable stream, Duration timeout) {
        this.stream = stream;
        this.timeoutNanos = timeout.toNanos();
        this.lastProgressNanos = System.nanoTime();
        long periodMillis = Math.max(timeout.toMillis() / CHECKS_PER_TIMEOUT, 1);
        this.check = TIMER.scheduleAtFixedRate(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Records that data arrived. */
    void progressed() {
        lastProgressNanos = System.nanoTime();
    }

    /** Returns whether the stream was closed for want of data. */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastProgressNanos > timeoutNanos) {
            fired = true;
            check.cancel(false);
            try {
                stream.close();
            } catch (IOException e) {
                // The stream is being abandoned either way; the reader reports the stall.
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
