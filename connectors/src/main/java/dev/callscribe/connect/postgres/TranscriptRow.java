package dev.callscribe.connect.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * One row of the transcript table: a {@link Transcript} flattened into column values, with its segments as the JSON
 * text of the {@code segments} column. Pure data, no SQL.
 *
 * @param callId the call
 * @param channel the source channel, 0-based; null for the combined transcript of the whole call
 * @param speaker the channel's speaker label; null for the combined transcript
 * @param kind INTERIM or FINAL
 * @param revision the revision per call and channel; higher is newer
 * @param text the full text
 * @param language language code, or null
 * @param modelId the model that produced it
 * @param audioDurationMs how much of the call's audio this revision covers, in milliseconds
 * @param emittedAt when the stitcher emitted this revision
 * @param segmentsJson a JSON array with one object per segment (see {@link Segment})
 */
record TranscriptRow(String callId, Integer channel, String speaker, TranscriptKind kind, int revision,
                     String text, String language, String modelId, long audioDurationMs, Instant emittedAt,
                     String segmentsJson) {

    /** The order in which revisions of one key replace each other; the table's upsert applies the same rule. */
    public static final Comparator<TranscriptRow> AGE = Comparator.comparingInt(TranscriptRow::revision)
            .thenComparing(TranscriptRow::emittedAt);

    private static final ObjectMapper JSON = new ObjectMapper();

    public TranscriptRow {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Objects.requireNonNull(segmentsJson, "segmentsJson");
    }

    /**
     * One element of the {@code segments} JSON array. Channel and speaker are always filled in: from the segment
     * where the combined transcript sets them, else from the enclosing per-channel transcript, so a query over
     * {@code jsonb_array_elements(segments)} reads them the same way on every row.
     *
     * @param startMs start, milliseconds from the start of the call
     * @param endMs end, milliseconds from the start of the call
     * @param text the words of the segment
     * @param channel the channel it was spoken on (null only if neither segment nor transcript names one)
     * @param speaker that channel's speaker label (null likewise)
     * @param avgLogProb average log-probability of its tokens, a confidence signal
     * @param noSpeechProb probability that its window held no speech
     */
    public record Segment(long startMs, long endMs, String text, Integer channel, String speaker,
                          double avgLogProb, double noSpeechProb) {
    }

    /**
     * The row of a transcript. PostgreSQL's text and jsonb types cannot hold the character U+0000, which a model
     * could in principle emit, so it is dropped from every string rather than have the database refuse the row.
     */
    public static TranscriptRow of(Transcript transcript) {
        return new TranscriptRow(clean(transcript.getCallId()), transcript.getChannel(),
                clean(transcript.getSpeaker()), transcript.getKind(), transcript.getRevision(),
                clean(transcript.getText()), clean(transcript.getLanguage()), clean(transcript.getModelId()),
                transcript.getAudioDurationMs(), transcript.getEmittedAt(), segmentsJson(transcript));
    }

    /** The primary key of the row: call and channel (null channel: the combined transcript). */
    public Key key() {
        return new Key(callId, channel);
    }

    /** The primary key of a row. */
    public record Key(String callId, Integer channel) {
    }

    /**
     * The newest row of each key, in the order the keys first appear: what a batch leaves in the table, written as
     * one statement per key (a batch must not update one row twice, and fewer statements are faster).
     */
    public static List<TranscriptRow> newestPerKey(Collection<TranscriptRow> rows) {
        Map<Key, TranscriptRow> newest = new LinkedHashMap<>();
        BinaryOperator<TranscriptRow> keepNewer = BinaryOperator.maxBy(AGE);
        rows.forEach(row -> newest.merge(row.key(), row, keepNewer));
        return List.copyOf(newest.values());
    }

    private static String segmentsJson(Transcript transcript) {
        List<Segment> segments = transcript.getSegments().stream()
                .map(segment -> segment(segment, transcript))
                .toList();
        try {
            return JSON.writeValueAsString(segments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the segments of call " + transcript.getCallId()
                    + " as JSON", e);
        }
    }

    private static Segment segment(TranscriptSegment segment, Transcript transcript) {
        Integer channel = segment.getChannel() != null ? segment.getChannel() : transcript.getChannel();
        String speaker = segment.getSpeaker() != null ? segment.getSpeaker() : transcript.getSpeaker();
        return new Segment(segment.getStartMs(), segment.getEndMs(), clean(segment.getText()), channel,
                clean(speaker), segment.getAvgLogProb(), segment.getNoSpeechProb());
    }

    private static String clean(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }
}
