package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.RegistryServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicsCommandTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final RegistryServerExtension REGISTRY = new RegistryServerExtension();

    private static final int USAGE_ERROR = 2;

    @Test
    void shouldCreateTheTopicsAndGiveTheirSubjectsFullCompatibility() throws Exception {
        // Given topic names of this test
        String prefix = KAFKA.uniqueName("setup");

        // When topics create runs twice, as two deployments' jobs would
        CommandRun first = CommandRun.main(arguments(prefix, "--set", "topics.partitions=2",
                "--set", "topics.windows.partitions=3"));
        CommandRun second = CommandRun.main(arguments(prefix));

        // Then the topics exist with the partitions asked for, each value subject holds the contract's schema under
        // FULL compatibility, and the second run changed nothing
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("topic " + prefix + ".calls.audio created",
                "subject " + prefix + ".calls.audio-value FULL");
        Map<String, TopicDescription> topics = KAFKA.admin().describeTopics(List.of(prefix + ".calls.audio",
                prefix + ".calls.windows")).allTopicNames().get();
        assertThat(topics.get(prefix + ".calls.audio").partitions()).hasSize(2);
        assertThat(topics.get(prefix + ".calls.windows").partitions()).hasSize(3);
        InMemorySchemaRegistry registry = REGISTRY.registry();
        String transcripts = prefix + ".calls.transcripts-value";
        assertThat(registry.ownCompatibility(transcripts)).contains(CompatibilityLevel.FULL);
        assertThat(registry.getLatest(transcripts).schema()).isEqualTo(Topics.TRANSCRIPTS.valueSchema());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("topic " + prefix + ".calls.audio already there")
                .doesNotContain("created");
        assertThat(registry.getVersions(transcripts)).containsExactly(1);
    }

    @Test
    void shouldLeaveTheRegistrysLevelAloneWhenAskedTo() {
        String prefix = KAFKA.uniqueName("keep-level");

        CommandRun run = CommandRun.main(arguments(prefix, "--set", "topics.subject.compatibility="));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(REGISTRY.registry().ownCompatibility(prefix + ".calls.audio-value")).isEmpty();
        assertThat(run.out()).contains("subject " + prefix + ".calls.audio-value BACKWARD");
    }

    @Test
    void shouldRefuseAnUnknownCompatibilityLevelNamingTheKey() {
        CommandRun run = CommandRun.main("topics", "create", "--set", "topics.subject.compatibility=SOMETIMES");

        assertThat(run.status()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).startsWith("callscribe create: Invalid value SOMETIMES for configuration "
                + "topics.subject.compatibility").hasLineCount(1);
    }

    @Test
    void shouldAskForTheSubcommand() {
        CommandRun run = CommandRun.main("topics");

        assertThat(run.status()).isEqualTo(USAGE_ERROR);
        assertThat(run.err()).contains("Missing subcommand: callscribe topics create");
    }

    @Test
    void shouldBeListedAmongTheCommandsWithHelp() {
        CommandRun list = CommandRun.main("--help");
        CommandRun help = CommandRun.main("topics", "create", "--help");

        assertThat(list.out()).containsPattern("(?m)^\\s+topics\\s+Set up the pipeline's topics");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--bootstrap-servers", "--registry-url", "--config", "--set");
    }

    private static String[] arguments(String prefix, String... more) {
        List<String> all = new ArrayList<>(List.of("topics", "create",
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--registry-url", REGISTRY.url()));
        for (Topic<?> topic : Topics.ALL) {
            all.addAll(List.of("--set", "topic." + topic.name() + "=" + prefix + "." + topic.name()));
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
