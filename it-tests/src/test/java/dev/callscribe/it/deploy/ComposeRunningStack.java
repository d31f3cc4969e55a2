package dev.callscribe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.connect.testkit.PostgresDatabase;
import dev.callscribe.connect.testkit.PostgresServerExtension;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.it.deploy.ComposeStack.Surroundings;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of {@link ComposeStackTest.RunningStack}: docker-compose.yml run from its own files without Docker (see
 * {@link ComposeStack}), with the oracle fixture as the transcriber's model ({@value #MODEL_VARIABLE}, as a user
 * sets it), a KRaft broker in this JVM, an Apicurio registry child JVM and a PostgreSQL server from the machine's
 * packages. Before the tests, the sample two-channel call is dropped into the recordings folder and an undecodable
 * chunk is published, and the call's transcripts are awaited in PostgreSQL.
 */
abstract class ComposeRunningStack {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final ComposeRegistryExtension REGISTRY = new ComposeRegistryExtension();
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    /** The compose variable naming the transcriber's model. */
    static final String MODEL_VARIABLE = "TRANSCRIBER_MODEL";
    /** The call id of the dropped recording: its file name without the extension. */
    static final String CALL = "northwind-compose";

    /** From the recording dropped to its rows in PostgreSQL: file age, poll interval, 29 s of audio, the pipeline. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(150);
    /** Kafka client meters appear on the registry's next refresh after the client has them. */
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static ComposeStack stack;
    private static PostgresDatabase database;
    private static Path recording;

    /** A FINAL row of the call: channel key (-1 for the whole call), speaker, model and text. */
    record Row(int channelKey, String speaker, String modelId, String text) {
    }

    @BeforeAll
    static void bringUpTheStackAndDropARecording() throws Exception {
        database = POSTGRES.database(); // where PostgreSQL cannot run here, this skips the class first
        ComposeFile compose = ComposeFile.read(ComposeStackTest.COMPOSE,
                Map.of(MODEL_VARIABLE, FixtureModel.resourceDir("oracle").toString()));
        String registryUrl = REGISTRY.registry().ccompatUrl().replaceFirst("/apis/ccompat/v7$", "");
        stack = new ComposeStack(compose, ComposeStackTest.ROOT, ComposeDockerfile.read(ComposeStackTest.CPU_IMAGE),
                new Surroundings(KAFKA.bootstrapServers(), registryUrl, database, work));
        stack.startCallscribeServices();
        stack.startConnect();

        recording = stack.dropRecording(CALL + ".wav", SampleCall.wavBytes());
        publishUndecodableChunk();
        Await.until("the FINAL rows of " + CALL + " in PostgreSQL (Apicurio " + REGISTRY.major() + ".x)",
                CALL_TIMEOUT, throttled(() -> finalRows().size() == 3));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldStoreEachChannelAndTheWholeCallOfADroppedRecordingInPostgres() {
        // Given the sample call dropped into the recordings folder, through Connect, the pipeline and the sink

        // When its FINAL rows are read
        Map<Integer, Row> rows = finalRows();

        // Then there is one per channel, with the channel's speaker, and one for the whole call, by the model given
        assertThat(rows).containsOnlyKeys(-1, 0, 1);
        assertThat(rows.get(0).speaker()).isEqualTo("agent");
        assertThat(rows.get(1).speaker()).isEqualTo("customer");
        assertThat(rows.values()).allSatisfy(row -> {
            assertThat(row.text()).isNotBlank();
            assertThat(row.modelId()).isEqualTo("oracle");
        });
    }

    @Test
    void shouldMoveAPublishedRecordingIntoThePublishedFolder() {
        // Given the source's finished.directory, from the compose file's connector, localized
        Path published = Path.of(stack.connectorWith("finished.directory").get("finished.directory"))
                .resolve(recording.getFileName());

        // When its last chunk has been committed (the call's rows are in PostgreSQL)
        Await.until(published + " exists", Duration.ofSeconds(30), published.toFile()::exists);

        // Then it has left the watched folder
        assertThat(recording).doesNotExist();
    }

    @Test
    void shouldServeEveryMetricTheDashboardQueries() throws IOException {
        // Given the dashboard's queries, after a call and an undecodable chunk went through the processes
        List<String> expressions = ComposeMetrics.expressions(JSON.readTree(ComposeStackTest.DASHBOARD.toFile()));
        Set<String> queried = new TreeSet<>();
        expressions.forEach(expression -> queried.addAll(ComposeMetrics.queriedNames(expression)));

        // When the processes are scraped as Prometheus scrapes them, until they serve every name (bounded)
        String[] exposition = {""};
        try {
            Await.until("every metric the dashboard queries is served", METRICS_TIMEOUT, throttled(() -> {
                exposition[0] = stack.scrapeAll();
                return ComposeMetrics.servedNames(exposition[0]).containsAll(queried);
            }));
        } catch (AssertionError timedOut) {
            // the assertions below name what is missing
        }

        // Then every name is served, with the label values the queries select
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(ComposeMetrics.servedNames(exposition[0]));
        assertThat(missing).as("metric names the dashboard queries and no process serves").isEmpty();
        assertThat(ComposeMetrics.unmatchedSelectors(expressions, exposition[0])).as("selectors matching nothing")
                .isEmpty();
    }

    /** What a failed or unknown record looks like to the segmenter: bytes that are not an Avro chunk. */
    private static void publishUndecodableChunk() throws Exception {
        String topic = stack.connectorWith("directory").get("topic");
        try (KafkaProducer<String, byte[]> producer = KAFKA.producer(new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "compose-undecodable",
                    "not an Avro audio chunk".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    /** The call's FINAL rows by channel key; empty until the sink has created its table. */
    private static Map<Integer, Row> finalRows() {
        String table = stack.connectorWith("connection.url").getOrDefault("table.name", "call_transcripts");
        Map<Integer, Row> rows = new TreeMap<>();
        try (Connection connection = database.connect()) {
            if (!tableExists(connection, table)) {
                return rows;
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT channel_key, speaker, model_id, text"
                    + " FROM " + table + " WHERE call_id = ? AND kind = 'FINAL'")) {
                query.setString(1, CALL);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getInt(1), new Row(result.getInt(1), result.getString(2),
                                result.getString(3), result.getString(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    /** The condition checked at most every {@link #CHECK_EVERY}: a database query or a scrape, not 50 a second. */
    private static BooleanSupplier throttled(BooleanSupplier condition) {
        long[] next = {System.nanoTime()};
        return () -> {
            long now = System.nanoTime();
            if (now - next[0] < 0) {
                return false;
            }
            next[0] = now + CHECK_EVERY.toNanos();
            return condition.getAsBoolean();
        };
    }
}
