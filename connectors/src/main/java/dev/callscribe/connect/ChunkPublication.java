package dev.callscribe.connect;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.connect.PendingFiles.PendingFile;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The chunks of one recording, handed out in seq order from where the file resumes. Each record's offset is the
 * file's progress once that record is sent (next seq, and finished on the last chunk), so whatever Connect commits
 * is exactly what was sent. {@code capturedAt} is the time a chunk is made: a recording's real capture time is long
 * past, and latency measured from it would measure the recording's age, not the pipeline.
 */
final class ChunkPublication implements Publication {

    private final Path file;
    private final FileStamp stamp;
    private final CallChunker chunker;
    private final long chunkMs;
    private final SourceRecords records;
    private final Pacer pacer;
    private final Clock clock;
    private int nextSeq;

    private ChunkPublication(PendingFile pending, CallChunker chunker, long chunkMs, Settings settings,
                             long nowNanos) {
        this.file = pending.file();
        this.stamp = pending.stamp();
        this.chunker = chunker;
        this.chunkMs = chunkMs;
        this.records = settings.records();
        this.clock = settings.clock();
        this.nextSeq = Math.toIntExact(pending.resumeFrom().map(FileOffset::nextSeq).orElse(0L));
        Duration position = nextSeq == 0 ? Duration.ZERO : chunker.endOf(nextSeq - 1);
        this.pacer = new Pacer(settings.replaySpeed(), position, nowNanos);
    }

    /**
     * What every publication of a task shares.
     *
     * @param chunkLength the configured chunk length, for files that start now
     * @param speakers    speaker labels by channel, or null
     */
    record Settings(Duration chunkLength, List<String> speakers, double replaySpeed, SourceRecords records,
                    Clock clock) {
    }

    /**
     * Opens a file for publishing, from chunk 0 or from its stored progress (with the chunk length it started with).
     *
     * @param nowNanos {@link System#nanoTime()} now: a paced file's clock starts here
     *
     * @throws RecordingRejectedException if the file name gives no call id, the audio cannot be cut into chunks
     *                                    (no audio, or chunks shorter than one frame), or the stored progress lies
     *                                    past the end of the file
     */
    static ChunkPublication open(PendingFile pending, WavAudio audio, Settings settings, long nowNanos)
            throws RecordingRejectedException {
        long chunkMs = pending.resumeFrom().map(FileOffset::chunkMs).orElse(settings.chunkLength().toMillis());
        CallChunker chunker;
        try {
            CallInfo call = new CallInfo(callIdOf(pending.file()), settings.speakers(), null);
            chunker = new CallChunker(call, audio, Duration.ofMillis(chunkMs));
        } catch (IllegalArgumentException e) {
            // A blank call id (a file named " .wav"), no audio, or chunks shorter than one frame.
            throw new RecordingRejectedException(DeadLetterReason.INVALID_CHUNK, pending.file() + ": "
                    + e.getMessage(), e);
        }
        long resumeSeq = pending.resumeFrom().map(FileOffset::nextSeq).orElse(0L);
        if (resumeSeq >= chunker.chunkCount()) {
            throw new RecordingRejectedException(DeadLetterReason.INVALID_SEQ, pending.file() + ": the offsets say"
                    + " chunk " + resumeSeq + " is next, but the file has " + chunker.chunkCount() + " chunks", null);
        }
        return new ChunkPublication(pending, chunker, chunkMs, settings, nowNanos);
    }

    /** The call id of a recording: its file name without the extension ({@code call-42} for {@code call-42.wav}). */
    static String callIdOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * {@inheritDoc}
     *
     * <p>All or nothing: if a chunk cannot be serialized (the registry is unreachable, say), the exception leaves
     * the publication where it was, so the same chunks are made again at the next poll.
     */
    @Override
    public List<SourceRecord> nextBatch(int max, long nowNanos) {
        List<SourceRecord> batch = new ArrayList<>();
        int seq = nextSeq;
        while (seq < chunker.chunkCount() && batch.size() < max
                && pacer.nanosUntilDue(chunker.endOf(seq), nowNanos) == 0) {
            AudioChunk chunk = chunker.chunk(seq, clock.instant());
            seq++;
            batch.add(records.chunk(file, chunk, FileOffset.afterChunk(seq, chunker.chunkCount(), chunkMs, stamp)));
        }
        nextSeq = seq;
        return batch;
    }

    @Override
    public boolean done() {
        return nextSeq >= chunker.chunkCount();
    }

    @Override
    public long nanosUntilDue(long nowNanos) {
        return done() ? 0 : pacer.nanosUntilDue(chunker.endOf(nextSeq), nowNanos);
    }
}
