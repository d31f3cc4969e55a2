package dev.callscribe.connect;

import dev.callscribe.connect.DirectoryScanner.Candidate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files one task still has to publish, each with where it starts. The directory is listed when the queue is
 * empty and the scan interval has passed; files seen for the first time are looked up in the connector's offsets,
 * all in one call, and sorted into: new (from chunk 0), partly published (from the stored next seq, with the stored
 * chunk length), replaced since (same path, other size or modification time: from chunk 0 again), and finished
 * (skipped, and handed to {@link FinishedFiles} in case a task stopped before moving it). A file is taken once per
 * version: it is not looked at again until it changes or disappears. Not thread-safe: the task's thread only.
 */
final class PendingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PendingFiles.class);

    /** Reads the stored offsets of several files in one round trip; files without one are left out. */
    interface OffsetLookup {
        Map<Path, FileOffset> offsets(Collection<Path> files);
    }

    /**
     * A file to publish.
     *
     * @param file       its absolute path
     * @param stamp      its size and modification time when listed
     * @param resumeFrom the stored progress to continue from, or empty to start at chunk 0
     */
    record PendingFile(Path file, FileStamp stamp, Optional<FileOffset> resumeFrom) {
    }

    private final DirectoryScanner scanner;
    private final OffsetLookup offsets;
    private final FinishedFiles finished;
    private final long scanIntervalNanos;
    private final Deque<PendingFile> queue = new ArrayDeque<>();
    /** Every file taken from the directory (queued, being published or done), by the version taken. */
    private final Map<Path, FileStamp> taken = new HashMap<>();
    private long nextScanNanos;
    private boolean scanned;

    PendingFiles(DirectoryScanner scanner, OffsetLookup offsets, FinishedFiles finished, Duration scanInterval) {
        this.scanner = scanner;
        this.offsets = offsets;
        this.finished = finished;
        this.scanIntervalNanos = scanInterval.toNanos();
    }

    /**
     * The next file to publish, listing the directory first if the queue is empty and a scan is due.
     *
     * @throws IOException if the directory cannot be listed; the next scan is still only due after the interval
     */
    Optional<PendingFile> next(long nowNanos) throws IOException {
        if (queue.isEmpty() && (!scanned || nowNanos - nextScanNanos >= 0)) {
            scanned = true;
            nextScanNanos = nowNanos + scanIntervalNanos;
            scan();
        }
        return Optional.ofNullable(queue.poll());
    }

    /** How long until the next scan is due; 0 if files are queued. */
    long nanosUntilNextScan(long nowNanos) {
        return queue.isEmpty() ? Math.max(0, nextScanNanos - nowNanos) : 0;
    }

    /** Forgets a file that could not be read now, so the next scan offers it again. */
    void retryLater(PendingFile file) {
        taken.remove(file.file());
    }

    private void scan() throws IOException {
        List<Candidate> listed = scanner.scan();
        Set<Path> present = listed.stream().map(Candidate::file).collect(Collectors.toSet());
        // Files moved or deleted since: forget them, so memory follows the directory, not its history.
        taken.keySet().retainAll(present);
        List<Candidate> fresh = listed.stream()
                .filter(candidate -> !candidate.stamp().equals(taken.get(candidate.file())))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<Path, FileOffset> stored = offsets.offsets(fresh.stream().map(Candidate::file).toList());
        fresh.forEach(candidate -> take(candidate, Optional.ofNullable(stored.get(candidate.file()))));
        LOG.info("Found {} new file(s) in {}, {} to publish", fresh.size(), scanner.directory(), queue.size());
    }

    private void take(Candidate candidate, Optional<FileOffset> stored) {
        taken.put(candidate.file(), candidate.stamp());
        if (stored.isPresent() && !stored.get().describes(candidate.stamp())) {
            LOG.warn("{} was replaced since it was published ({} -> {}); publishing it again from chunk 0 under the"
                    + " same call id", candidate.file(), stored.get().stamp(), candidate.stamp());
            stored = Optional.empty();
        }
        if (stored.isPresent() && stored.get().finished()) {
            finished.committed(candidate.file(), stored.get());
        } else {
            queue.add(new PendingFile(candidate.file(), candidate.stamp(), stored));
        }
    }
}
