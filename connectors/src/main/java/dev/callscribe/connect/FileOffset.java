package dev.callscribe.connect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far the connector got with one recording, as stored in Kafka Connect's offsets. The source partition is the
 * file, {@code {"file": "/absolute/path.wav"}}; the source offset is this record as a map:
 *
 * <pre>{@code {"seq": 12, "chunk.ms": 1000, "size": 468044, "modified": 1764170000000, "state": "PUBLISHING"}}</pre>
 *
 * <p>{@code seq} is the next chunk to publish, so a restarted task neither re-publishes nor skips one. The chunk
 * length a file started with is kept, so a file resumed after {@code chunk.length.ms} changed is still cut where its
 * first chunks were. Size and modification time tell a replaced file from the one the offset describes.
 *
 * @param nextSeq the seq of the next chunk to publish (the number of chunks published)
 * @param chunkMs the chunk length the file is cut with, in milliseconds
 * @param stamp   the file the offset describes
 * @param state   whether the file is being published, or done with (published or rejected)
 */
record FileOffset(long nextSeq, long chunkMs, FileStamp stamp, State state) {

    /** Where a file stands. */
    enum State {
        /** Some chunks are published, others are not yet. */
        PUBLISHING,
        /** Every chunk is published. */
        PUBLISHED,
        /** The file could not be published; its dead letter was sent instead. */
        REJECTED
    }

    /** The source-partition key: the file's absolute path. */
    static final String FILE_FIELD = "file";
    static final String NEXT_SEQ_FIELD = "seq";
    static final String CHUNK_MS_FIELD = "chunk.ms";
    static final String SIZE_FIELD = "size";
    static final String MODIFIED_FIELD = "modified";
    static final String STATE_FIELD = "state";

    FileOffset {
        if (nextSeq < 0 || chunkMs < 1 || stamp == null || state == null) {
            throw new IllegalArgumentException("a file offset needs seq >= 0, chunk.ms >= 1, a size and modification"
                    + " time and a state; got seq " + nextSeq + ", chunk.ms " + chunkMs + ", " + stamp + ", " + state);
        }
    }

    /** The offset once chunk {@code nextSeq - 1} of {@code chunkCount} is sent: published with the last one. */
    static FileOffset afterChunk(long nextSeq, int chunkCount, long chunkMs, FileStamp stamp) {
        return new FileOffset(nextSeq, chunkMs, stamp, nextSeq >= chunkCount ? State.PUBLISHED : State.PUBLISHING);
    }

    /** The offset of a file that could not be published: done, with nothing sent but its dead letter. */
    static FileOffset rejected(FileStamp stamp, long chunkMs) {
        return new FileOffset(0, chunkMs, stamp, State.REJECTED);
    }

    /** Whether nothing is left to do with the file: every chunk published, or the file rejected. */
    boolean finished() {
        return state != State.PUBLISHING;
    }

    boolean rejected() {
        return state == State.REJECTED;
    }

    /** The source partition of {@code file}. */
    static Map<String, String> partition(Path file) {
        return Map.of(FILE_FIELD, file.toAbsolutePath().normalize().toString());
    }

    /** The file a source partition names, if it names one. */
    static Optional<Path> fileOf(Map<String, ?> partition) {
        return partition != null && partition.get(FILE_FIELD) instanceof String file
                ? Optional.of(Path.of(file))
                : Optional.empty();
    }

    /** Whether this offset describes the file as it is now (same size and modification time). */
    boolean describes(FileStamp current) {
        return stamp.equals(current);
    }

    /** This offset as Connect stores it. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(NEXT_SEQ_FIELD, nextSeq);
        map.put(CHUNK_MS_FIELD, chunkMs);
        map.put(SIZE_FIELD, stamp.sizeBytes());
        map.put(MODIFIED_FIELD, stamp.modifiedMs());
        map.put(STATE_FIELD, state.name());
        return map;
    }

    /**
     * Reads an offset as Connect stored it (numbers may come back as any integral type).
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong type
     */
    static FileOffset fromMap(Map<String, ?> map) {
        return new FileOffset(number(map, NEXT_SEQ_FIELD), number(map, CHUNK_MS_FIELD),
                new FileStamp(number(map, SIZE_FIELD), number(map, MODIFIED_FIELD)), state(map));
    }

    private static long number(Map<String, ?> map, String field) {
        if (map.get(field) instanceof Number number && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        throw new IllegalArgumentException("offset field '" + field + "' must be an integer, found "
                + map.get(field) + " in " + map);
    }

    private static State state(Map<String, ?> map) {
        Object value = map.get(STATE_FIELD);
        return Arrays.stream(State.values()).filter(state -> state.name().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("offset field '" + STATE_FIELD + "' must be one of "
                        + Arrays.toString(State.values()) + ", found " + value + " in " + map));
    }
}
