package dev.callscribe.tail;

import static dev.callscribe.tail.Records.callMetric;
import static dev.callscribe.tail.Records.channel;
import static dev.callscribe.tail.Records.combined;
import static dev.callscribe.tail.Records.event;
import static dev.callscribe.tail.Records.segment;
import static dev.callscribe.tail.Records.spoken;
import static dev.callscribe.tail.Records.windowMetric;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.TranscriptKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesViewTest {

    private final JsonLinesView view = new JsonLinesView();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldWriteATranscriptAsOneLineWithPlainFieldNames() throws Exception {
        String line = view.render(event(channel("call-7", TranscriptKind.INTERIM, 3, 0, "agent",
                List.of(segment(0, 3_200, " Thank you")))));

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = mapper.readTree(line);
        assertThat(json.get("type").asText()).isEqualTo("transcript");
        assertThat(json.get("callId").asText()).isEqualTo("call-7");
        assertThat(json.get("kind").asText()).isEqualTo("INTERIM");
        assertThat(json.get("revision").asInt()).isEqualTo(3);
        assertThat(json.get("channel").isInt()).isTrue();
        assertThat(json.get("channel").asInt()).isZero();
        assertThat(json.get("speaker").asText()).isEqualTo("agent");
        assertThat(json.get("text").asText()).isEqualTo(" Thank you");
        assertThat(json.get("audioDurationMs").asLong()).isEqualTo(3_200);
        assertThat(json.get("emittedAt").asText()).isEqualTo("2025-03-01T09:30:15.250Z");
    }

    @Test
    void shouldPutTheTypeFirstAndTheSchemaFieldsAfterItInOrder() throws Exception {
        JsonNode json = mapper.readTree(view.render(event(combined("call-7", List.of()))));

        assertThat(json.fieldNames()).toIterable().containsExactly("type", "callId", "kind", "revision", "channel",
                "speaker", "segments", "text", "language", "modelId", "audioDurationMs", "emittedAt");
    }

    @Test
    void shouldWriteOptionalFieldsAsValueOrNullWithoutUnionWrappers() throws Exception {
        JsonNode json = mapper.readTree(view.render(event(combined("call-7", List.of(
                spoken(0, 1_000, " Hi", 1, "customer"))))));

        assertThat(json.get("channel").isNull()).isTrue();
        assertThat(json.get("speaker").isNull()).isTrue();
        JsonNode segment = json.get("segments").get(0);
        assertThat(segment.get("channel").asInt()).isEqualTo(1);
        assertThat(segment.get("speaker").asText()).isEqualTo("customer");
        assertThat(segment.get("startMs").asLong()).isZero();
        assertThat(segment.get("endMs").asLong()).isEqualTo(1_000);
        assertThat(segment.get("avgLogProb").asDouble()).isEqualTo(-0.25);
    }

    @Test
    void shouldWriteAMetricWithItsTypeAndEveryField() throws Exception {
        JsonNode window = mapper.readTree(view.render(event(windowMetric("call-7"))));
        JsonNode call = mapper.readTree(view.render(event(callMetric("call-7"))));

        assertThat(window.get("type").asText()).isEqualTo("metric");
        assertThat(window.get("scope").asText()).isEqualTo("WINDOW");
        assertThat(window.get("windowIndex").asLong()).isEqualTo(3);
        assertThat(window.get("encoderMs").asDouble()).isEqualTo(20.25);
        assertThat(call.get("scope").asText()).isEqualTo("CALL");
        assertThat(call.get("windowIndex").isNull()).isTrue();
        assertThat(call.get("windowCount").asInt()).isEqualTo(6);
        assertThat(call.size()).isEqualTo(LatencyMetric.getClassSchema().getFields().size() + 1);
    }

    @Test
    void shouldWriteANonFiniteNumberAsNullSinceJsonHasNoNaN() throws Exception {
        LatencyMetric metric = callMetric("call-7");
        metric.setRealTimeFactor(Double.NaN);

        JsonNode json = mapper.readTree(view.render(event(metric)));

        assertThat(json.get("realTimeFactor").isNull()).isTrue();
    }
}
