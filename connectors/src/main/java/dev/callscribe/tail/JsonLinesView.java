package dev.callscribe.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.apache.avro.generic.IndexedRecord;

/**
 * Every event as one line of JSON, for {@code jq} and other programs: a {@value #TYPE_FIELD} field
 * ({@value #TRANSCRIPT_TYPE}, {@value #METRIC_TYPE} or {@value #DEAD_LETTER_TYPE}), then the record's fields by
 * their schema names, optional ones as value or {@code null}, enums as symbols, times as ISO-8601 text
 * ({@link AvroJson}). Every revision is shown, INTERIM ones included; stateless.
 *
 * <pre>{@code
 * {"type":"transcript","callId":"call-7","kind":"FINAL","revision":4,"channel":0,"speaker":"agent",
 *  "segments":[{"startMs":0,"endMs":3200,"text":" Thank you for calling.","avgLogProb":-0.21,...}],...}
 * }</pre>
 */
public final class JsonLinesView implements TailView {

    /** The field naming what a line holds. */
    public static final String TYPE_FIELD = "type";
    /** {@value #TYPE_FIELD} of a Transcript record. */
    public static final String TRANSCRIPT_TYPE = "transcript";
    /** {@value #TYPE_FIELD} of a LatencyMetric record. */
    public static final String METRIC_TYPE = "metric";
    /** {@value #TYPE_FIELD} of a DeadLetter record. */
    public static final String DEAD_LETTER_TYPE = "dead-letter";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String render(TailEvent event) {
        if (event instanceof TailEvent.OfTranscript transcript) {
            return line(TRANSCRIPT_TYPE, transcript.transcript());
        }
        if (event instanceof TailEvent.OfDeadLetter deadLetter) {
            return line(DEAD_LETTER_TYPE, deadLetter.letter());
        }
        return line(METRIC_TYPE, ((TailEvent.OfMetric) event).metric());
    }

    private String line(String type, IndexedRecord record) {
        ObjectNode node = mapper.createObjectNode().put(TYPE_FIELD, type);
        try {
            return mapper.writeValueAsString(AvroJson.putFields(record, node)) + "\n";
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; this would be a bug in AvroJson.
            throw new UncheckedIOException("cannot write a " + type + " record as JSON", e);
        }
    }
}
