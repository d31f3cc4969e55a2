package dev.callscribe.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class PostgresTranscriptSinkConnectorTest {

    private static final Map<String, String> PROPS = Map.of(
            "connection.url", "jdbc:postgresql://db:5432/callscribe",
            "schema.registry.url", "http://registry:8081",
            "topics", "calls.transcripts");

    @Test
    void shouldGiveEveryTaskTheConnectorsConfiguration() {
        PostgresTranscriptSinkConnector connector = new PostgresTranscriptSinkConnector();
        connector.start(PROPS);

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).hasSize(3).containsOnly(PROPS);
        assertThat(connector.taskClass()).isEqualTo(PostgresTranscriptSinkTask.class);
    }

    @Test
    void shouldRefuseToStartWithABadConfiguration() {
        PostgresTranscriptSinkConnector connector = new PostgresTranscriptSinkConnector();

        assertThatThrownBy(() -> connector.start(Map.of("schema.registry.url", "http://registry:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.url");
    }

    @Test
    void shouldReportInvalidKeysWhenConnectValidatesTheConfiguration() {
        Config validated = new PostgresTranscriptSinkConnector().validate(Map.of(
                "connection.url", "jdbc:mysql://db/callscribe", "schema.registry.url", "http://registry:8081",
                "table.name", "x; drop table y"));

        assertThat(validated.configValues()).filteredOn(value -> !value.errorMessages().isEmpty())
                .extracting(ConfigValue::name).containsExactlyInAnyOrder("connection.url", "table.name");
    }

    @Test
    void shouldBeFoundByConnectsServiceLoaderDiscovery() {
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(PostgresTranscriptSinkConnector.class);
    }
}
