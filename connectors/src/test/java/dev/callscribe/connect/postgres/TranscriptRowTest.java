package dev.callscribe.connect.postgres;

import static dev.callscribe.connect.postgres.TestTranscripts.FIRST_EMISSION;
import static dev.callscribe.connect.postgres.TestTranscripts.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptRowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldFlattenAChannelTranscriptIntoColumnValues() {
        TranscriptRow row = TranscriptRow.of(TestTranscripts.agent("call-1", TranscriptKind.FINAL, 4));

        assertThat(row.callId()).isEqualTo("call-1");
        assertThat(row.channel()).isZero();
        assertThat(row.speaker()).isEqualTo("agent");
        assertThat(row.kind()).isEqualTo(TranscriptKind.FINAL);
        assertThat(row.revision()).isEqualTo(4);
        assertThat(row.text()).isEqualTo(" Thank you for calling Northwind. How can I help?");
        assertThat(row.language()).isEqualTo("en");
        assertThat(row.modelId()).isEqualTo(MODEL);
        assertThat(row.audioDurationMs()).isEqualTo(3_500);
        assertThat(row.emittedAt()).isEqualTo(FIRST_EMISSION.plusSeconds(4));
        assertThat(row.key()).isEqualTo(new TranscriptRow.Key("call-1", 0));
    }

    @Test
    void shouldWriteSegmentsAsJsonWithTheirChannelTranscriptsChannelAndSpeaker() throws Exception {
        TranscriptRow row = TranscriptRow.of(TestTranscripts.agent("call-1", TranscriptKind.FINAL, 4));

        List<Map<String, Object>> segments = segments(row);

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0)).containsOnly(Map.entry("startMs", 0), Map.entry("endMs", 1_800),
                Map.entry("text", " Thank you for calling Northwind."), Map.entry("channel", 0),
                Map.entry("speaker", "agent"), Map.entry("avgLogProb", -0.25), Map.entry("noSpeechProb", 0.01));
        assertThat(segments.get(1)).containsEntry("startMs", 2_000).containsEntry("endMs", 3_500)
                .containsEntry("channel", 0).containsEntry("speaker", "agent");
    }

    @Test
    void shouldKeepTheCombinedTranscriptsChannelNullAndItsSegmentsOwnLabels() throws Exception {
        TranscriptRow row = TranscriptRow.of(TestTranscripts.combined("call-1", 2));

        assertThat(row.channel()).isNull();
        assertThat(row.speaker()).isNull();
        assertThat(row.key()).isEqualTo(new TranscriptRow.Key("call-1", null));
        assertThat(segments(row)).extracting(segment -> segment.get("channel"), segment -> segment.get("speaker"))
                .containsExactly(tuple(0, "agent"), tuple(0, "agent"), tuple(1, "customer"));
    }

    @Test
    void shouldDropNulCharactersWhichPostgresTextAndJsonbCannotHold() throws Exception {
        Transcript withNul = TestTranscripts.withText(
                TestTranscripts.customer("call-\u00001", TranscriptKind.FINAL, 1), "a\u0000b");
        withNul.getSegments().get(0).setText("c\u0000d");

        TranscriptRow row = TranscriptRow.of(withNul);

        assertThat(row.callId()).isEqualTo("call-1");
        assertThat(row.text()).isEqualTo("ab");
        assertThat(row.segmentsJson()).doesNotContain("\\u0000");
        assertThat(segments(row).get(0)).containsEntry("text", "cd");
    }

    @Test
    void shouldKeepOnlyTheNewestRevisionOfEachKeyInTheOrderKeysFirstAppear() {
        TranscriptRow agent3 = TranscriptRow.of(TestTranscripts.agent("call-1", TranscriptKind.FINAL, 3));
        TranscriptRow customer1 = TranscriptRow.of(TestTranscripts.customer("call-1", TranscriptKind.INTERIM, 1));
        TranscriptRow agent1 = TranscriptRow.of(TestTranscripts.agent("call-1", TranscriptKind.INTERIM, 1));
        TranscriptRow customer2 = TranscriptRow.of(TestTranscripts.customer("call-1", TranscriptKind.FINAL, 2));
        TranscriptRow otherCall = TranscriptRow.of(TestTranscripts.agent("call-2", TranscriptKind.FINAL, 0));

        List<TranscriptRow> newest = TranscriptRow.newestPerKey(
                List.of(agent3, customer1, agent1, customer2, otherCall));

        assertThat(newest).containsExactly(agent3, customer2, otherCall);
    }

    @Test
    void shouldPreferTheLaterEmissionBetweenTwoRowsOfTheSameRevision() {
        Transcript first = TestTranscripts.agent("call-1", TranscriptKind.FINAL, 3);
        Transcript later = Transcript.newBuilder(first).setEmittedAt(first.getEmittedAt().plusMillis(1))
                .setText("re-emitted").build();

        List<TranscriptRow> newest = TranscriptRow.newestPerKey(
                List.of(TranscriptRow.of(later), TranscriptRow.of(first)));

        assertThat(newest).extracting(TranscriptRow::text).containsExactly("re-emitted");
    }

    private static List<Map<String, Object>> segments(TranscriptRow row) throws Exception {
        return JSON.readValue(row.segmentsJson(), new TypeReference<>() {
        });
    }
}
