package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    @Test
    void shouldReadSingleUnderscoresAsDots() {
        assertThat(EnvironmentVariables.configKey("CALLSCRIBE_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
    }

    @Test
    void shouldReadTripleUnderscoresAsDashes() {
        assertThat(EnvironmentVariables.configKey("CALLSCRIBE_TOPIC_CALLS_WINDOW___TRANSCRIPTS"))
                .isEqualTo("topic.calls.window-transcripts");
    }

    @Test
    void shouldReadDoubleUnderscoresAsUnderscores() {
        assertThat(EnvironmentVariables.configKey("CALLSCRIBE_SOME__KEY_NAME")).isEqualTo("some_key.name");
    }

    @Test
    void shouldReadLongRunsOfUnderscoresAsConfluentImagesDo() {
        // ___ is taken first, then __, then _: four underscores are a dash and a dot.
        assertThat(EnvironmentVariables.configKey("CALLSCRIBE_A____B")).isEqualTo("a-.b");
        assertThat(EnvironmentVariables.configKey("CALLSCRIBE_A_____B")).isEqualTo("a-_b");
    }

    @Test
    void shouldNameTheVariableOfAKeyAsTheInverseMapping() {
        assertThat(EnvironmentVariables.variableName("topic.calls.window-transcripts"))
                .isEqualTo("CALLSCRIBE_TOPIC_CALLS_WINDOW___TRANSCRIPTS");
        assertThat(EnvironmentVariables.variableName("some_key.name")).isEqualTo("CALLSCRIBE_SOME__KEY_NAME");
        for (String key : AppConfig.CONFIG_DEF.names()) {
            assertThat(EnvironmentVariables.configKey(EnvironmentVariables.variableName(key))).isEqualTo(key);
        }
    }

    @Test
    void shouldIgnoreVariablesWithoutThePrefix() {
        // Given
        Map<String, String> environment = Map.of(
                "PATH", "/usr/bin",
                "BOOTSTRAP_SERVERS", "elsewhere:9092",
                "CALLSCRIBE_", "nothing after the prefix",
                "CALLSCRIBE_METRICS_PORT", "9500");

        // When
        Map<String, String> config = EnvironmentVariables.configFrom(environment);

        // Then
        assertThat(config).containsExactly(Map.entry("metrics.port", "9500"));
    }

    @Test
    void shouldRefuseToMapAVariableWithoutThePrefix() {
        assertThatThrownBy(() -> EnvironmentVariables.configKey("BOOTSTRAP_SERVERS"))
                .hasMessageContaining("does not start with CALLSCRIBE_");
    }
}
