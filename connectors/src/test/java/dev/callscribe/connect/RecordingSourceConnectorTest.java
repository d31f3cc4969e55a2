package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector's own duties; the tasks' are in RecordingSourceTaskTest, a real worker's in it-tests. */
class RecordingSourceConnectorTest {

    @TempDir
    Path directory;

    @Test
    void shouldGiveEachTaskItsIndexAmongTheTasks() {
        RecordingSourceConnector connector = started(Map.of());

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).extracting(task -> task.get(RecordingSourceConfig.TASK_INDEX_CONFIG))
                .containsExactly("0", "1", "2");
        assertThat(tasks).allSatisfy(task -> assertThat(task)
                .containsEntry(RecordingSourceConfig.TASK_COUNT_CONFIG, "3")
                .containsEntry(RecordingSourceConfig.DIRECTORY_CONFIG, directory.toString()));
    }

    @Test
    void shouldDeclareExactlyOnceSupportWithThePollAsTransactionBoundary() {
        RecordingSourceConnector connector = new RecordingSourceConnector();

        assertThat(connector.exactlyOnceSupport(config(Map.of()))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(config(Map.of())))
                .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
    }

    @Test
    void shouldRefuseADirectoryItCannotSee() {
        Map<String, String> missing = config(Map.of(RecordingSourceConfig.DIRECTORY_CONFIG,
                directory.resolve("missing").toString()));

        assertThatThrownBy(() -> new RecordingSourceConnector().start(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a directory this worker can see");
    }

    @Test
    void shouldRefuseConvertersThatWouldRewriteKeysOrValues() {
        Map<String, String> jsonKeys = config(Map.of("key.converter", "org.apache.kafka.connect.json.JsonConverter"));

        assertThatThrownBy(() -> new RecordingSourceConnector().start(jsonKeys)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.converter must be org.apache.kafka.connect.storage.StringConverter");
        started(Map.of("key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
    }

    @Test
    void shouldAcceptOffsetResetsAndCompleteOffsetsOnly() {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(FileOffset.partition(directory.resolve("a.wav")), null);
        offsets.put(FileOffset.partition(directory.resolve("b.wav")),
                new FileOffset(3, 1000, new FileStamp(100, 5), FileOffset.State.PUBLISHING).toMap());

        assertThat(connector.alterOffsets(config(Map.of()), offsets)).isTrue();
        assertThatThrownBy(() -> connector.alterOffsets(config(Map.of()),
                Map.of(Map.of("path", "/x.wav"), Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be {\"file\": \"/absolute/path\"}");
        assertThatThrownBy(() -> connector.alterOffsets(config(Map.of()),
                Map.of(FileOffset.partition(directory.resolve("c.wav")), Map.of("seq", 1))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'chunk.ms' must be an integer");
    }

    private RecordingSourceConnector started(Map<String, String> extra) {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        connector.start(config(extra));
        return connector;
    }

    private Map<String, String> config(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                RecordingSourceConfig.DIRECTORY_CONFIG, directory.toString(),
                RecordingSourceConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://RecordingSourceConnectorTest"));
        config.putAll(extra);
        return config;
    }
}
