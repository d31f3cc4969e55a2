package dev.callscribe.connect.postgres;

import static dev.callscribe.avro.TranscriptKind.FINAL;
import static dev.callscribe.avro.TranscriptKind.INTERIM;
import static dev.callscribe.connect.postgres.TestTranscripts.FIRST_EMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.connect.testkit.PostgresDatabase;
import dev.callscribe.connect.testkit.PostgresServerExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink task against a real PostgreSQL server, driven as a Connect worker drives it: start, put, flush, stop.
 * Each test writes to a table of its own in the class's database.
 */
class PostgresTranscriptSinkTaskTest {

    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    private static TranscriptRecords records;
    private static int tableCount;

    private final List<PostgresTranscriptSinkTask> started = new ArrayList<>();
    private final PostgresDatabase database = POSTGRES.database();
    private final String table = "transcripts_" + (++tableCount);

    @BeforeAll
    static void createRegistryScope() {
        records = new TranscriptRecords();
    }

    @AfterAll
    static void dropRegistryScope() {
        records.close();
    }

    @AfterEach
    void stopTasks() {
        started.forEach(PostgresTranscriptSinkTask::stop);
    }

    @Test
    void shouldWriteOneRowPerChannelAndOneForTheWholeCall() throws Exception {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(), Map.of());

        task.put(List.of(records.of(TestTranscripts.agent("call-1", FINAL, 3)),
                records.of(TestTranscripts.customer("call-1", FINAL, 2)),
                records.of(TestTranscripts.combined("call-1", 5))));
        task.flush(Map.of());

        List<StoredRow> rows = StoredRow.all(database, table);
        assertThat(rows).extracting(StoredRow::channel, StoredRow::channelKey, StoredRow::speaker,
                StoredRow::revision).containsExactly(tuple(null, -1, null, 5), tuple(0, 0, "agent", 3),
                tuple(1, 1, "customer", 2));
        StoredRow agent = rows.get(1);
        assertThat(agent.callId()).isEqualTo("call-1");
        assertThat(agent.kind()).isEqualTo("FINAL");
        assertThat(agent.text()).isEqualTo(" Thank you for calling Northwind. How can I help?");
        assertThat(agent.language()).isEqualTo("en");
        assertThat(agent.modelId()).isEqualTo(TestTranscripts.MODEL);
        assertThat(agent.audioDurationMs()).isEqualTo(3_500);
        assertThat(agent.emittedAt()).isEqualTo(FIRST_EMISSION.plusSeconds(3));
        JsonNode segments = new ObjectMapper().readTree(agent.segments());
        assertThat(segments).hasSize(2);
        assertThat(segments.get(1).get("startMs").asLong()).isEqualTo(2_000);
        assertThat(segments.get(1).get("text").asText()).isEqualTo(" How can I help?");
        assertThat(segments.get(1).get("speaker").asText()).isEqualTo("agent");
    }

    @Test
    void shouldLeaveTheTableUnchangedWhenBatchesAreRedeliveredEvenToARestartedTask() throws Exception {
        List<SinkRecord> batch = List.of(records.of(TestTranscripts.agent("call-2", FINAL, 3)),
                records.of(TestTranscripts.combined("call-2", 4)));
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(), Map.of());
        task.put(batch);
        List<StoredRow> afterFirstDelivery = StoredRow.all(database, table);

        task.put(batch);
        task.stop();
        start(RecordingSinkTaskContext.withErrantRecordReporter(), Map.of()).put(batch);

        assertThat(afterFirstDelivery).hasSize(2);
        assertThat(StoredRow.all(database, table)).isEqualTo(afterFirstDelivery);
    }

    @Test
    void shouldNeverLetAnOlderRevisionReplaceANewerOne() throws Exception {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(), Map.of());
        task.put(List.of(records.of(TestTranscripts.withText(TestTranscripts.agent("call-3", FINAL, 5), "newer"))));

        task.put(List.of(records.of(TestTranscripts.withText(TestTranscripts.agent("call-3", FINAL, 3), "older"))));
        task.put(List.of(records.of(TestTranscripts.withText(TestTranscripts.agent("call-4", FINAL, 5), "newer")),
                records.of(TestTranscripts.withText(TestTranscripts.agent("call-4", FINAL, 3), "older"))));

        assertThat(StoredRow.all(database, table)).extracting(StoredRow::callId, StoredRow::revision, StoredRow::text)
                .containsExactly(tuple("call-3", 5, "newer"), tuple("call-4", 5, "newer"));
    }

    @Test
    void shouldSkipInterimRevisionsByDefault() throws Exception {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(), Map.of());

        task.put(List.of(records.of(TestTranscripts.agent("call-5", INTERIM, 0)),
                records.of(TestTranscripts.customer("call-5", INTERIM, 0)),
                records.of(TestTranscripts.combined("call-5", 0))));
        assertThat(StoredRow.all(database, table)).extracting(StoredRow::channel).containsExactly((Integer) null);

        task.put(List.of(records.of(TestTranscripts.agent("call-5", FINAL, 1))));
        assertThat(StoredRow.all(database, table)).extracting(StoredRow::channel, StoredRow::kind)
                .containsExactly(tuple(null, "FINAL"), tuple(0, "FINAL"));
    }

    @Test
    void shouldReplaceInterimRevisionsUntilTheFinalWhenAskedForThem() throws Exception {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(),
                Map.of("include.interim", "true"));
        SinkRecord interim1 = records.of(TestTranscripts.agent("call-6", INTERIM, 1));

        task.put(List.of(records.of(TestTranscripts.agent("call-6", INTERIM, 0))));
        assertThat(kindsAndRevisions()).containsExactly(tuple("INTERIM", 0));
        task.put(List.of(interim1));
        assertThat(kindsAndRevisions()).containsExactly(tuple("INTERIM", 1));
        task.put(List.of(records.of(TestTranscripts.agent("call-6", FINAL, 2))));
        task.put(List.of(interim1));

        assertThat(kindsAndRevisions()).containsExactly(tuple("FINAL", 2));
    }

    @Test
    void shouldReportRecordsThatAreNotTranscriptsAndWriteTheOthers() throws Exception {
        RecordingSinkTaskContext context = RecordingSinkTaskContext.withErrantRecordReporter();
        PostgresTranscriptSinkTask task = start(context, Map.of());
        SinkRecord garbage = records.garbage();
        SinkRecord unknownSchema = records.unknownSchemaId();

        task.put(List.of(garbage, records.of(TestTranscripts.agent("call-7", FINAL, 1)), unknownSchema));

        assertThat(StoredRow.all(database, table)).extracting(StoredRow::callId).containsExactly("call-7");
        assertThat(context.reported()).extracting(RecordingSinkTaskContext.Reported::record)
                .containsExactly(garbage, unknownSchema);
        assertThat(context.reported()).allSatisfy(reported -> assertThat(reported.error())
                .isInstanceOf(DataException.class).hasMessageContaining("is not a Transcript"));
    }

    @Test
    void shouldFailNamingTheRecordWhenThereIsNoDeadLetterQueue() throws Exception {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withoutErrantRecordReporter(), Map.of());
        SinkRecord garbage = records.garbage();

        assertThatThrownBy(() -> task.put(List.of(records.of(TestTranscripts.agent("call-8", FINAL, 1)), garbage)))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining(TranscriptDecoder.where(garbage))
                .hasMessageContaining("errors.deadletterqueue.topic.name");
        assertThat(StoredRow.all(database, table)).extracting(StoredRow::callId).containsExactly("call-8");
    }

    @Test
    void shouldFailAtOnceWithoutShowingThePasswordWhenItIsWrong() {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(),
                Map.of("connection.password", "not-the-password-42"));

        assertThatThrownBy(() -> task.put(List.of(records.of(TestTranscripts.agent("call-9", FINAL, 1)))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("28P01")
                .hasMessageNotContaining("not-the-password-42");
    }

    @Test
    void shouldFailNamingTheTableWhenItIsMissingAndNotToBeCreated() {
        PostgresTranscriptSinkTask task = start(RecordingSinkTaskContext.withErrantRecordReporter(),
                Map.of("auto.create", "false"));

        assertThatThrownBy(() -> task.put(List.of(records.of(TestTranscripts.agent("call-10", FINAL, 1)))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining(table).hasMessageContaining("42P01");
    }

    private List<Tuple> kindsAndRevisions() throws Exception {
        return StoredRow.all(database, table).stream().map(row -> tuple(row.kind(), row.revision())).toList();
    }

    private PostgresTranscriptSinkTask start(RecordingSinkTaskContext context, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "connection.url", database.jdbcUrl(),
                "connection.user", database.user(),
                "connection.password", database.password(),
                "table.name", table,
                "schema.registry.url", records.registryUrl()));
        props.putAll(overrides);
        PostgresTranscriptSinkTask task = new PostgresTranscriptSinkTask();
        task.initialize(context);
        task.start(props);
        started.add(task);
        return task;
    }
}
