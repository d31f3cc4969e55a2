package dev.callscribe.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresSinkConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "connection.url", "jdbc:postgresql://db:5432/callscribe",
            "schema.registry.url", "http://registry:8081");

    @Test
    void shouldDefaultToFinalTranscriptsInACreatedCallTranscriptsTable() {
        PostgresSinkConfig config = new PostgresSinkConfig(MINIMAL);

        assertThat(config.tableName()).isEqualTo("call_transcripts");
        assertThat(config.autoCreate()).isTrue();
        assertThat(config.includeInterim()).isFalse();
        assertThat(config.user()).isEmpty();
        assertThat(config.password()).isNull();
        assertThat(config.writeRetries()).isEqualTo(10);
        assertThat(config.writeRetryBackoffMs()).isEqualTo(3_000);
    }

    @Test
    void shouldRefuseAUrlOfAnotherDatabaseWithoutShowingItsParameters() {
        Map<String, String> props = with("connection.url", "jdbc:mysql://db/callscribe?password=s3cret");

        assertThatThrownBy(() -> new PostgresSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldRequireTheConnectionUrlAndTheRegistryUrl() {
        assertThatThrownBy(() -> new PostgresSinkConfig(Map.of("schema.registry.url", "mock://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.url");
        assertThatThrownBy(() -> new PostgresSinkConfig(Map.of("connection.url", "jdbc:postgresql://db/x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transcripts; DROP TABLE calls", "\"Transcripts\"", "1transcripts", "a.b.c", ""})
    void shouldRefuseTableNamesThatAreNotPlainIdentifiers(String table) {
        assertThatThrownBy(() -> new PostgresSinkConfig(with("table.name", table)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("table.name");
    }

    @Test
    void shouldAcceptASchemaQualifiedTableName() {
        assertThat(new PostgresSinkConfig(with("table.name", "analytics.call_transcripts")).tableName())
                .isEqualTo("analytics.call_transcripts");
    }

    @Test
    void shouldHideThePasswordAndKeepTheSinksKeysFromTheDeserializer() {
        Map<String, String> props = new HashMap<>(MINIMAL);
        props.put("connection.user", "sink");
        props.put("connection.password", "s3cret");
        props.put("basic.auth.user.info", "svc:registry-secret");

        PostgresSinkConfig config = new PostgresSinkConfig(props);

        assertThat(config.password().value()).isEqualTo("s3cret");
        assertThat(config.password()).hasToString("[hidden]");
        assertThat(config.deserializerConfig())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("basic.auth.user.info", "svc:registry-secret")
                .doesNotContainKeys("connection.url", "connection.user", "connection.password", "table.name");
    }

    @Test
    void shouldLeaveTheUrlsParametersOutOfLogs() {
        PostgresSinkConfig config = new PostgresSinkConfig(
                with("connection.url", "jdbc:postgresql://db:5432/callscribe?sslmode=require&password=s3cret"));

        assertThat(config.connectionUrlForLogs()).isEqualTo("jdbc:postgresql://db:5432/callscribe?[hidden]");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> props = new HashMap<>(MINIMAL);
        props.put(key, value);
        return props;
    }
}
