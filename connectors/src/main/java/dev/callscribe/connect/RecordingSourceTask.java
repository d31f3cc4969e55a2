package dev.callscribe.connect;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.connect.PendingFiles.PendingFile;
import dev.callscribe.schemas.registry.RegistryUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the recordings of its share of the watched directory (see {@link FileAssignment}), one file at a time:
 * each poll returns the next chunks of the current file, or, when there is none, opens the next pending file, listing
 * the directory when the queue is empty. A file that cannot be published becomes one dead letter and is done; one
 * that cannot be read right now is tried again later. Nothing here stops the task but a misconfiguration or a
 * registry that refuses the schema.
 *
 * <p>poll() blocks at most {@link #MAX_WAIT}: the worker acts on stop and pause requests only between polls.
 */
public final class RecordingSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingSourceTask.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /** The connector-name key Connect puts in every connector configuration. */
    private static final String NAME_CONFIG = "name";

    private final CountDownLatch stopping = new CountDownLatch(1);
    private RecordingSourceConfig config;
    private SourceRecords records;
    private FinishedFiles finished;
    private PendingFiles files;
    private ChunkPublication.Settings settings;
    private Publication current;
    /** The last listing failure reported, or null while listing works. */
    private String listingProblem;

    @Override
    public String version() {
        return RecordingSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new RecordingSourceConfig(props);
        Clock clock = Clock.systemUTC();
        String stage = props.getOrDefault(NAME_CONFIG, RecordingSourceConnector.class.getSimpleName());
        records = new SourceRecords(config.topic(), config.deadLetterTopic(), stage, config.serdeConfig(), clock);
        finished = new FinishedFiles(config.finishedAction(), config.finishedDirectory(), config.rejectedDirectory());
        DirectoryScanner scanner = new DirectoryScanner(config.directory(), config.fileMatcher(), config.assignment(),
                config.fileMinAge(), clock);
        files = new PendingFiles(scanner, this::storedOffsets, finished, config.pollInterval());
        settings = new ChunkPublication.Settings(config.chunkLength(), config.speakers(), config.replaySpeed(),
                records, clock);
        LOG.info("Publishing recordings from {} ({}) to {}, dead letters to {}", config.directory(),
                config.assignment(), config.topic(), config.deadLetterTopic());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        finished.moveCommitted();
        long now = System.nanoTime();
        if (current == null) {
            current = openNext(now);
            if (current == null) {
                await(files.nanosUntilNextScan(now));
                return null;
            }
        }
        List<SourceRecord> batch = nextBatch(now);
        long wait = current.nanosUntilDue(now);
        if (current.done()) {
            current = null;
        }
        if (batch.isEmpty()) {
            await(wait);
            return null;
        }
        return batch;
    }

    /**
     * Called once a record is committed (with exactly-once support, once its transaction commits): when it is the
     * last of its file, the file may be moved.
     */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        FileOffset offset = FileOffset.fromMap(record.sourceOffset());
        FileOffset.fileOf(record.sourcePartition()).ifPresent(file -> finished.committed(file, offset));
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (records != null) {
            records.close();
        }
    }

    private Publication openNext(long now) {
        Optional<PendingFile> next;
        try {
            next = files.next(now);
            listingProblem = null;
        } catch (IOException e) {
            // Said once, not at every scan, while the same problem lasts (an unmounted volume, say).
            if (!e.toString().equals(listingProblem)) {
                LOG.warn("Cannot list {}; trying again every {} until it can: {}", config.directory(),
                        config.pollInterval(), e.toString());
            }
            listingProblem = e.toString();
            return null;
        }
        return next.map(pending -> open(pending, now)).orElse(null);
    }

    private Publication open(PendingFile pending, long now) {
        try {
            WavAudio audio = RecordingReader.read(pending.file(), pending.stamp(), config.fileMaxBytes());
            ChunkPublication publication = ChunkPublication.open(pending, audio, settings, now);
            LOG.info("Publishing {} as call {}{}", pending.file(), ChunkPublication.callIdOf(pending.file()),
                    pending.resumeFrom().map(from -> ", resuming at chunk " + from.nextSeq()).orElse(""));
            return publication;
        } catch (RecordingRejectedException e) {
            LOG.warn("Rejected {} ({}): {}. Its dead letter goes to {}; the other files carry on.", pending.file(),
                    e.reason(), e.getMessage(), config.deadLetterTopic());
            FileOffset done = FileOffset.rejected(pending.stamp(), config.chunkLength().toMillis());
            String callId = ChunkPublication.callIdOf(pending.file());
            return Publication.rejection(() -> records.rejection(pending.file(), callId, done, e));
        } catch (IOException e) {
            LOG.warn("Cannot read {} now; trying again at a later scan: {}", pending.file(), e.toString());
            files.retryLater(pending);
            return null;
        }
    }

    private List<SourceRecord> nextBatch(long now) {
        try {
            return current.nextBatch(config.batchMaxChunks(), now);
        } catch (SerializationException e) {
            if (e.getCause() instanceof RegistryUnavailableException) {
                // Connect polls again after a RetriableException; the publication has not moved on.
                throw new RetriableException("Schema Registry unreachable; retrying: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The stored offsets of {@code paths}, in one read; an offset that cannot be read counts as none. */
    private Map<Path, FileOffset> storedOffsets(Collection<Path> paths) {
        Map<Map<String, String>, Path> byPartition = new HashMap<>();
        paths.forEach(path -> byPartition.put(FileOffset.partition(path), path));
        Map<Path, FileOffset> result = new HashMap<>();
        context.offsetStorageReader().offsets(byPartition.keySet()).forEach((partition, offset) -> {
            if (offset != null) {
                parse(byPartition.get(partition), offset).ifPresent(parsed -> result.put(byPartition.get(partition),
                        parsed));
            }
        });
        return result;
    }

    private static Optional<FileOffset> parse(Path file, Map<String, Object> offset) {
        try {
            return Optional.of(FileOffset.fromMap(offset));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the stored offset of {}, publishing it from chunk 0: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void await(long nanos) throws InterruptedException {
        // Ends early on stop(), which workers before Kafka 3.0 call from another thread while poll() runs.
        boolean stopped = stopping.await(Math.min(nanos, MAX_WAIT.toNanos()), TimeUnit.NANOSECONDS);
        LOG.trace("Waited for work (stopping: {})", stopped);
    }
}
