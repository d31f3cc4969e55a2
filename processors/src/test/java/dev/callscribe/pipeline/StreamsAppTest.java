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

    @Test
    void shouldCloseChangelogSegmentsSoonUnlessTheDeploymentChoseOtherwise() {
        // Given no segment settings, then a deployment's own
        PipelineConfig defaults = new PipelineConfig(Map.of("bootstrap.servers", "kafka:9092"));
        PipelineConfig chosen = new PipelineConfig(Map.of("bootstrap.servers", "kafka:9092",
                "topic.segment.ms", "3600000"));

        // When
        Properties byDefault = StreamsApp.properties(defaults, "segmenter", "app", "/state", 1);
        Properties byChoice = StreamsApp.properties(chosen, "segmenter", "app", "/state", 1);

        // Then the changelogs' segments close at 64 MB or after 10 minutes, so compaction cleans released state,
        // and a deployment's setting wins
        assertThat(byDefault).containsEntry("topic.segment.bytes", "67108864")
                .containsEntry("topic.segment.ms", "600000");
        assertThat(byChoice).containsEntry("topic.segment.ms", "3600000");
    }
}
