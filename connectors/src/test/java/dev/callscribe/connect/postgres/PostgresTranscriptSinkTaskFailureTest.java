package dev.callscribe.connect.postgres;

import static dev.callscribe.avro.TranscriptKind.FINAL;
import static dev.callscribe.avro.TranscriptKind.INTERIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the sink task fails where nothing answers: a database and a registry on ports where no server listens. No
 * PostgreSQL server is needed; the ones that are run in {@link PostgresTranscriptSinkTaskTest}.
 */
class PostgresTranscriptSinkTaskFailureTest {

    private static final long BACKOFF_MS = 250;

    private final RecordingSinkTaskContext context = RecordingSinkTaskContext.withErrantRecordReporter();
    private final PostgresTranscriptSinkTask task = new PostgresTranscriptSinkTask();
    private TranscriptRecords records;
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        records = new TranscriptRecords();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once the socket closes: connections are refused
        }
        task.initialize(context);
    }

    @AfterEach
    void tearDown() {
        task.stop();
        records.close();
    }

    @Test
    void shouldAskForARedeliveryWhileTheDatabaseIsUnreachableThenFail() {
        task.start(config(Map.of("write.retries", "2")));
        List<SinkRecord> batch = List.of(records.of(TestTranscripts.agent("call-1", FINAL, 1)));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("Cannot write 1 transcripts").hasMessageContaining("SQLSTATE 08001");
        }
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class).hasMessageContaining("still failing after 2 retries");
        assertThat(context.timeoutsMs()).containsExactly(BACKOFF_MS, BACKOFF_MS);
    }

    @Test
    void shouldAskForARedeliveryWhileTheRegistryIsUnreachable() {
        Map<String, String> props = config(Map.of("max.retries", "0"));
        props.put("schema.registry.url", "http://127.0.0.1:" + closedPort);
        task.start(props);

        assertThatThrownBy(() -> task.put(List.of(records.of(TestTranscripts.agent("call-2", FINAL, 1)))))
                .isInstanceOf(RetriableException.class).hasMessageContaining("Schema Registry unavailable");
        assertThat(context.timeoutsMs()).containsExactly(BACKOFF_MS);
        assertThat(context.reported()).isEmpty();
    }

    @Test
    void shouldNotConnectForABatchWithNothingToWrite() {
        task.start(config(Map.of()));

        assertThatCode(() -> task.put(List.of(records.raw("call-3", null),
                records.of(TestTranscripts.agent("call-3", INTERIM, 0))))).doesNotThrowAnyException();
        assertThat(context.reported()).isEmpty();
    }

    @Test
    void shouldFailAtOnceWhenValuesAreNotBytesBecauseTheConverterIsWrong() {
        task.start(config(Map.of()));

        assertThatThrownBy(() -> task.put(List.of(records.raw("call-4", "{\"callId\":\"call-4\"}"))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    private Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "connection.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/callscribe?connectTimeout=5",
                "connection.user", "callscribe",
                "schema.registry.url", records.registryUrl(),
                "write.retry.backoff.ms", String.valueOf(BACKOFF_MS)));
        props.putAll(overrides);
        return props;
    }
}
