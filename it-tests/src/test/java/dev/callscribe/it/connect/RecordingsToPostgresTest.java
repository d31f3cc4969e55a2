package dev.callscribe.it.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.Transcript;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.connect.RecordingSourceConnector;
import dev.callscribe.connect.postgres.PostgresTranscriptSinkConnector;
import dev.callscribe.connect.testkit.PostgresDatabase;
import dev.callscribe.connect.testkit.PostgresServerExtension;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.it.support.ApicurioRegistryExtension;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.it.support.PipelineUnderTest;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route a user takes without writing code: a recording dropped into a directory, the Connect source publishing
 * it, the pipeline transcribing it, the PostgreSQL sink storing its final transcripts where SQL finds them. Every
 * part is real: a KRaft broker, an Apicurio registry, a Connect worker loading the packaged plugin, the three roles
 * with the oracle model, and a PostgreSQL server (skipped where PostgreSQL is not installed; CI installs it).
 */
class RecordingsToPostgresTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final ApicurioRegistryExtension REGISTRY = ApicurioRegistryExtension.v2();
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final String CALL = "call-77";
    private static final List<List<Placement>> CHANNELS = List.of(
            List.of(Placement.of(1, "hello"), Placement.of(6, "payment"), Placement.of(16, "refund")),
            List.of(Placement.of(2, "order"), Placement.of(8, "number"), Placement.of(17, "world")));

    @TempDir
    Path temp;

    @Test
    void shouldCarryARecordedCallFromADirectoryIntoPostgres() throws Exception {
        // Given a recording in a watched directory, the pipeline, and the source and sink connectors on a worker
        Path recordings = Files.createDirectory(temp.resolve("recordings"));
        float[][] audio = CHANNELS.stream().map(words -> ORACLE.synthesizeRecording(words, 30, 0))
                .toArray(float[][]::new);
        Files.write(recordings.resolve(CALL + ".wav"), WavWriter.encodePcm16(audio, ORACLE.sampleRate()));
        PostgresDatabase database = POSTGRES.database();
        String registry = REGISTRY.registry().ccompatUrl();
        try (WhisperEngine engine = WhisperEngine.open(ModelFolder.read(FixtureModel.resourceDir("oracle"),
                ModelOptions.defaults()), EngineOptions.defaults().withIntraOpThreads(1));
             PipelineUnderTest pipeline = new PipelineUnderTest(KAFKA.bootstrapServers(), registry,
                     temp.resolve("state"), ChunkingOptions.defaults(15));
             ConnectWorker worker = ConnectWorker.start(ConnectWorker.distributedConfig(KAFKA.bootstrapServers(),
                     KAFKA.uniqueName("connect")))) {
            pipeline.start(engine, new SimpleMeterRegistry());
            worker.rest().putConnector("recordings-in", sourceConfig(recordings, registry));
            worker.rest().putConnector("transcripts-out", sinkConfig(database, registry));

            // When the call is transcribed
            CallTranscripts transcripts = pipeline.awaitCombinedFinals(1, TIMEOUT);

            // Then the table holds its FINALs, one row per channel and one for the whole call, as Kafka has them
            Await.until("three rows of " + CALL + " in PostgreSQL", TIMEOUT, () -> rows(database).size() == 3);
            Map<Integer, String> rows = rows(database);
            for (int channel = 0; channel < CHANNELS.size(); channel++) {
                assertThat(rows.get(channel)).as("channel %d", channel)
                        .isEqualTo(ORACLE.expectedText(CHANNELS.get(channel)))
                        .isEqualTo(transcripts.channelFinal(CALL, channel).getText());
            }
            Transcript combined = transcripts.combinedFinal(CALL);
            assertThat(rows.get(-1)).isEqualTo(combined.getText());
        }
    }

    private static Map<String, String> sourceConfig(Path directory, String registry) {
        Map<String, String> config = connectorConfig(RecordingSourceConnector.class, registry);
        config.put("directory", directory.toString());
        config.put("file.min.age.ms", "0");
        config.put("poll.interval.ms", "200");
        return config;
    }

    private static Map<String, String> sinkConfig(PostgresDatabase database, String registry) {
        Map<String, String> config = connectorConfig(PostgresTranscriptSinkConnector.class, registry);
        config.put("topics", "calls.transcripts");
        config.put("connection.url", database.jdbcUrl());
        config.put("connection.user", database.user());
        config.put("connection.password", database.password());
        return config;
    }

    private static Map<String, String> connectorConfig(Class<?> connector, String registry) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connector.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("schema.registry.url", registry);
        return config;
    }

    /** Text by channel (-1 for the whole call) of the call's FINAL rows; empty until the table exists. */
    private static Map<Integer, String> rows(PostgresDatabase database) {
        try {
            return query(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read call_transcripts: " + e.getMessage(), e);
        }
    }

    private static Map<Integer, String> query(PostgresDatabase database) throws SQLException {
        Map<Integer, String> rows = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            if (!tableExists(connection)) {
                return rows;
            }
            try (ResultSet result = statement.executeQuery(
                    "SELECT channel_key, text FROM call_transcripts WHERE call_id = '" + CALL
                            + "' AND kind = 'FINAL'")) {
                while (result.next()) {
                    rows.put(result.getInt(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "call_transcripts", null)) {
            return tables.next();
        }
    }
}
