package dev.callscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsAppTest {

    @Test
    void shouldKeepTopicNamesOutOfTheStreamsSettingsButPassStreamsOwnTopicSettings() {
        // Given renamed topics, and a setting for Streams' internal topics
        PipelineConfig config = new PipelineConfig(Map.of("bootstrap.servers", "kafka:9092",
                "topic.calls.audio", "prod.calls.audio", "topic.calls.dead-letter", "prod.calls.dead-letter",
                "topic.min.insync.replicas", "2", "security.protocol", "SASL_SSL"));

        // When
        Properties properties = StreamsApp.properties(config, "segmenter", "app", "/state", 1);

        // Then Streams never reads a topic name as a config of its changelogs; its own topic.* setting and the
        // client settings pass, and the dead-letter handler learns where its letters go
        assertThat(properties).doesNotContainKeys("topic.calls.audio", "topic.calls.dead-letter")
                .containsEntry("topic.min.insync.replicas", "2")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry(DeadLetteringExceptionHandler.TOPIC_CONFIG, "prod.calls.dead-letter")
                .containsEntry(DeadLetteringExceptionHandler.ROLE_CONFIG, "segmenter");
    }
}
