package dev.callscribe.cli;

import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.PublishListener;
import dev.callscribe.publish.PublishProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What {@code callscribe publish} shows. On standard error: warnings, and, when asked for, one progress line redrawn
 * in place at most every {@value #REDRAW_EVERY_MS} ms. On standard output, once every chunk is acknowledged: a line
 * per call (its id, to follow it with {@code callscribe tail --call-id}) and a summary. Used on the publishing
 * thread only.
 */
final class PublishOutput implements PublishListener {

    private static final long REDRAW_EVERY_MS = 100;
    private static final long REDRAW_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(REDRAW_EVERY_MS);
    private static final double KILOBYTE = 1_000;
    private static final double MEGABYTE = 1_000_000;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean showProgress;
    private long lastDrawnNanos;
    private int lastWidth;
    private boolean lineOpen;

    /**
     * @param out where the per-call lines and the summary go
     * @param err where warnings and the progress line go
     * @param showProgress whether to draw the progress line
     */
    PublishOutput(PrintWriter out, PrintWriter err, boolean showProgress) {
        this.out = out;
        this.err = err;
        this.showProgress = showProgress;
    }

    @Override
    public void onProgress(PublishProgress progress) {
        if (!showProgress) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = progress.chunksSent() == progress.chunksTotal() && progress.complete();
        if (lineOpen && !finished && now - lastDrawnNanos < REDRAW_EVERY_NANOS) {
            return;
        }
        String line = progressLine(progress);
        // Carriage return and padding overwrite the previous, possibly longer, line in place.
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
        lastDrawnNanos = now;
        lineOpen = true;
    }

    /** Ends the progress line, if one is drawn, so that what is printed next starts on a line of its own. */
    void endProgressLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    void warn(String message) {
        endProgressLine();
        err.println("callscribe publish: warning: " + message);
        err.flush();
    }

    /** A line per call, then a line for the run. */
    void summary(List<CallChunker> calls, PublishProgress done, String topic) {
        endProgressLine();
        for (CallChunker call : calls) {
            out.printf(Locale.ROOT, "call %s: %d chunks, %s%n", call.call().callId(), call.chunkCount(),
                    seconds(call.endOf(call.chunkCount() - 1)));
        }
        out.printf(Locale.ROOT, "published %d chunks of %d call(s) (%s of audio, %s) to %s in %s%n",
                done.chunksAcknowledged(), done.callsTotal(), seconds(done.audioSent()),
                size(done.payloadBytesSent()), topic, seconds(done.elapsed()));
        out.flush();
    }

    static String progressLine(PublishProgress progress) {
        long percent = progress.chunksTotal() == 0 ? 100 : 100 * progress.chunksSent() / progress.chunksTotal();
        return String.format(Locale.ROOT, "%3d%%  %d/%d chunks sent, %d acknowledged  %d/%d calls sent  "
                        + "%s of audio  %s", percent, progress.chunksSent(), progress.chunksTotal(),
                progress.chunksAcknowledged(), progress.callsSent(), progress.callsTotal(),
                seconds(progress.audioSent()), seconds(progress.elapsed()));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String size(long bytes) {
        if (bytes >= MEGABYTE) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / MEGABYTE);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / KILOBYTE);
    }
}
