package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.pipeline.PipelineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {

    private static final String KEY = PipelineConfig.BOOTSTRAP_SERVERS_CONFIG;

    @TempDir
    Path tempDir;

    @Test
    void shouldPreferTheCommandLineOverTheEnvironmentOverTheFile() {
        // Given the same key from all three sources
        Map<String, String> file = Map.of(KEY, "file:9092");
        Map<String, String> environment = Map.of("CALLSCRIBE_BOOTSTRAP_SERVERS", "env:9092");
        Map<String, String> commandLine = Map.of(KEY, "cli:9092");

        // When / Then
        EffectiveConfig all = EffectiveConfig.merge(file, environment, commandLine);
        assertThat(all.get(KEY)).contains("cli:9092");
        assertThat(all.sourceOf(KEY)).isEqualTo(ConfigSource.COMMAND_LINE);

        EffectiveConfig noCommandLine = EffectiveConfig.merge(file, environment, Map.of());
        assertThat(noCommandLine.get(KEY)).contains("env:9092");
        assertThat(noCommandLine.sourceOf(KEY)).isEqualTo(ConfigSource.ENVIRONMENT);

        EffectiveConfig fileOnly = EffectiveConfig.merge(file, Map.of(), Map.of());
        assertThat(fileOnly.get(KEY)).contains("file:9092");
        assertThat(fileOnly.sourceOf(KEY)).isEqualTo(ConfigSource.FILE);
    }

    @Test
    void shouldFallBackToTheDocumentedDefault() {
        // Given no source sets the key
        EffectiveConfig config = EffectiveConfig.merge(Map.of(), Map.of(), Map.of());

        // Then the parsed configuration has the default, and the source says so
        assertThat(config.get(KEY)).isEmpty();
        assertThat(config.sourceOf(KEY)).isEqualTo(ConfigSource.DEFAULT);
        assertThat(config.appConfig().getString(KEY)).isEqualTo(PipelineConfig.DEFAULT_BOOTSTRAP_SERVERS);
        assertThat(config.appConfig().metricsPort()).isEqualTo(AppConfig.DEFAULT_METRICS_PORT);
    }

    @Test
    void shouldMergeDifferentKeysFromDifferentSources() {
        // Given
        Map<String, String> file = Map.of("topics.partitions", "3");
        Map<String, String> environment = Map.of("CALLSCRIBE_TOPIC_CALLS_WINDOW___TRANSCRIPTS", "wt");
        Map<String, String> commandLine = Map.of("metrics.port", "0");

        // When
        AppConfig app = EffectiveConfig.merge(file, environment, commandLine).appConfig();

        // Then
        assertThat(app.getInt(PipelineConfig.TOPICS_PARTITIONS_CONFIG)).isEqualTo(3);
        assertThat(app.getString("topic.calls.window-transcripts")).isEqualTo("wt");
        assertThat(app.metricsPort()).isZero();
    }

    @Test
    void shouldReadAPropertiesFile() throws IOException {
        // Given
        Path file = tempDir.resolve("callscribe.properties");
        Files.writeString(file, "# comment\nbootstrap.servers = broker:9092\nsecurity.protocol=SASL_SSL\n");

        // When
        Map<String, String> entries = EffectiveConfig.readFile(file);

        // Then
        assertThat(entries).containsOnly(Map.entry(KEY, "broker:9092"), Map.entry("security.protocol", "SASL_SSL"));
    }

    @Test
    void shouldSayWhichFileIsMissing() {
        Path missing = tempDir.resolve("nope.properties");

        assertThatThrownBy(() -> EffectiveConfig.readFile(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + missing + " does not exist");
    }

    @Test
    void shouldNameTheKeyOfAnInvalidValue() {
        EffectiveConfig config = EffectiveConfig.merge(Map.of(), Map.of(), Map.of("metrics.port", "70000"));

        assertThatThrownBy(config::appConfig)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.port")
                .hasMessageContaining("70000");
    }

    @Test
    void shouldKeepTheProcessKeysFromTheRoles() {
        // Given
        EffectiveConfig config = EffectiveConfig.merge(Map.of(), Map.of(),
                Map.of("metrics.port", "0", "embedded.data.dir", "/data", KEY, "b:9092", "linger.ms", "5"));

        // Then
        assertThat(config.roleConfig()).containsOnly(Map.entry(KEY, "b:9092"), Map.entry("linger.ms", "5"));
    }

    @Test
    void shouldSetAnEmbeddedValueOnlyWhereNoSourceGaveOne() {
        // Given a registry from the environment
        EffectiveConfig config = EffectiveConfig.merge(Map.of(),
                Map.of("CALLSCRIBE_SCHEMA_REGISTRY_URL", "http://registry:8081"), Map.of());

        // When
        EffectiveConfig embedded = config
                .withIfAbsent("schema.registry.url", "mock://callscribe", ConfigSource.EMBEDDED)
                .withIfAbsent("topics.partitions", "1", ConfigSource.EMBEDDED);

        // Then
        assertThat(embedded.get("schema.registry.url")).contains("http://registry:8081");
        assertThat(embedded.sourceOf("topics.partitions")).isEqualTo(ConfigSource.EMBEDDED);
    }

    @Test
    void shouldDescribeEveryKeyWithItsValueAndSource() {
        // Given
        EffectiveConfig config = EffectiveConfig.merge(Map.of("topics.partitions", "3"),
                Map.of("CALLSCRIBE_BOOTSTRAP_SERVERS", "env:9092"), Map.of("linger.ms", "5"));

        // When
        String description = config.describe();

        // Then every defined key is listed, given ones with their source, defaults as defaults
        assertThat(description)
                .contains("  bootstrap.servers = env:9092 (environment)")
                .contains("  topics.partitions = 3 (file)")
                .contains("  linger.ms = 5 (command line)")
                .contains("  metrics.port = 9400 (default)")
                .contains("  topic.calls.audio = calls.audio (default)");
        assertThat(description.lines()).hasSize(AppConfig.CONFIG_DEF.names().size() + 1);
    }
}
