package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.segmenter.Segmenter;
import dev.callscribe.testkit.KafkaClusterExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against one broker for the class; each test uses its own topic names (topic.* keys) to stay apart. */
class TopicCreatorTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void shouldCreateTheSixTopicsWithTheConfiguredPartitions() throws Exception {
        // Given
        List<TopicSpec> specs = specs("fresh", 3, 5);

        // When
        TopicReport report = new TopicCreator(admin).createMissing(specs);

        // Then
        assertThat(report.created()).containsExactly("fresh.calls.audio", "fresh.calls.windows",
                "fresh.calls.window-transcripts", "fresh.calls.transcripts", "fresh.calls.metrics",
                "fresh.calls.dead-letter");
        assertThat(report.existing()).isEmpty();
        Map<String, TopicDescription> topics = admin.describeTopics(report.created()).allTopicNames().get();
        assertThat(topics.get("fresh.calls.windows").partitions()).hasSize(5);
        assertThat(topics.get("fresh.calls.audio").partitions()).hasSize(3);
        assertThat(topics.get("fresh.calls.dead-letter").partitions()).hasSize(3);
        assertThat(topics.values()).flatMap(TopicDescription::partitions)
                .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void shouldGiveEveryTopicDeleteRetentionAndNeverCompaction() throws Exception {
        // Given
        new TopicCreator(admin).createMissing(specs("retained", 1, 1));

        // Then
        Config audio = topicConfig("retained.calls.audio");
        assertThat(audio.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        assertThat(audio.get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(Long.toString(PipelineTopics.WORKING_RETENTION.toMillis()));
        assertThat(topicConfig("retained.calls.transcripts").get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(Long.toString(PipelineTopics.OUTPUT_RETENTION.toMillis()));
        assertThat(topicConfig("retained.calls.dead-letter").get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(Long.toString(PipelineTopics.DEAD_LETTER_RETENTION.toMillis()));
    }

    @Test
    void shouldLetCallsWindowsTakeTheLargestWindowASegmenterCuts() throws Exception {
        // Given the topics, and 30 s of one channel of 48 kHz float audio: the largest window's samples
        new TopicCreator(admin).createMissing(specs("large", 1, 1));
        byte[] samples = new byte[30 * 48_000 * Float.BYTES];

        // When a producer allowed requests that large writes them to calls.windows and to calls.audio
        Map<String, Object> config = new HashMap<>(KAFKA.clientConfig());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Segmenter.MAX_WINDOW_RECORD_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("large.calls.windows", samples)).get();
            Future<RecordMetadata> refused = producer.send(new ProducerRecord<>("large.calls.audio", samples));

            // Then the windows topic takes it, where a topic with the broker's default limit does not
            assertThat(written.serializedValueSize()).isEqualTo(samples.length);
            assertThatThrownBy(refused::get).hasCauseInstanceOf(RecordTooLargeException.class);
        }
    }

    @Test
    void shouldRefuseAnExistingWindowsTopicThatCannotTakeTheLargestWindow() throws Exception {
        // Given calls.windows created by someone else with the broker's default record limit
        admin.createTopics(List.of(new NewTopic("tight.calls.windows", 1, (short) 1))).all().get();

        // When the pipeline's topics are set up
        // Then it is refused, with the limit, what is needed and the command that raises it
        assertThatThrownBy(() -> new TopicCreator(admin).createMissing(specs("tight", 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic tight.calls.windows takes records of up to 1048588 bytes")
                .hasMessageContaining("--entity-name tight.calls.windows --add-config max.message.bytes="
                        + Segmenter.MAX_WINDOW_RECORD_BYTES);
    }

    @Test
    void shouldLeaveExistingTopicsAsTheyAre() throws Exception {
        // Given the topics exist
        List<TopicSpec> specs = specs("again", 2, 2);
        TopicCreator creator = new TopicCreator(admin);
        creator.createMissing(specs);
        String audioTopicId = topicId("again.calls.audio");

        // When they are created again
        TopicReport report = creator.createMissing(specs);

        // Then nothing is created, and the topic is the same one (not deleted and recreated)
        assertThat(report.created()).isEmpty();
        assertThat(report.existing()).hasSize(6);
        assertThat(report.warnings()).isEmpty();
        assertThat(topicId("again.calls.audio")).isEqualTo(audioTopicId);
    }

    @Test
    void shouldWarnWhenAnExistingTopicHasFewerPartitionsThanConfigured() throws Exception {
        // Given calls.windows exists with 2 partitions
        admin.createTopics(List.of(new NewTopic("small.calls.windows", 2, (short) 1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Segmenter.MAX_WINDOW_RECORD_BYTES))))).all().get();

        // When 6 are configured
        TopicReport report = new TopicCreator(admin).createMissing(specs("small", 1, 6));

        // Then it is left with 2, and the warning says so
        assertThat(report.existing()).containsExactly("small.calls.windows");
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("Topic small.calls.windows has 2 partitions, fewer than the 6 configured");
        assertThat(admin.describeTopics(Set.of("small.calls.windows")).allTopicNames().get()
                .get("small.calls.windows").partitions()).hasSize(2);
    }

    @Test
    void shouldTakeTheBrokersDefaultReplicationForMinusOne() throws Exception {
        // Given the default replication factor (-1)
        List<TopicSpec> specs = specs("replicas", 1, 1);
        assertThat(specs).allMatch(spec -> spec.replicationFactor() == TopicSpec.BROKER_DEFAULT_REPLICATION);

        // When
        new TopicCreator(admin).createMissing(specs);

        // Then the single broker's default (1) applies
        assertThat(admin.describeTopics(Set.of("replicas.calls.metrics")).allTopicNames().get()
                .get("replicas.calls.metrics").partitions().get(0).replicas()).hasSize(1);
    }

    private static List<TopicSpec> specs(String prefix, int partitions, int windowPartitions) {
        Map<String, String> config = new HashMap<>();
        for (String name : List.of("calls.audio", "calls.windows", "calls.window-transcripts", "calls.transcripts",
                "calls.metrics", "calls.dead-letter")) {
            config.put(PipelineConfig.TOPIC_PREFIX + name, prefix + "." + name);
        }
        config.put(PipelineConfig.TOPICS_PARTITIONS_CONFIG, Integer.toString(partitions));
        config.put(PipelineConfig.WINDOWS_PARTITIONS_CONFIG, Integer.toString(windowPartitions));
        return PipelineTopics.specs(new PipelineConfig(config));
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static String topicId(String topic) throws Exception {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).topicId().toString();
    }
}
