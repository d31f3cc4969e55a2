package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.app.Conditions;
import dev.callscribe.app.FakeRole;
import dev.callscribe.app.Http;
import dev.callscribe.app.Pipeline;
import dev.callscribe.app.Roles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    private final List<String> journal = FakeRole.journal();
    private final FakeRole segmenter = new FakeRole(Roles.SEGMENTER, journal);
    private final FakeRole transcriber = new FakeRole(Roles.TRANSCRIBER, journal);
    private final FakeRole stitcher = new FakeRole(Roles.STITCHER, journal);
    private final Roles fakes = Roles.none()
            .with(Roles.SEGMENTER, segmenter.factory())
            .with(Roles.TRANSCRIBER, transcriber.factory())
            .with(Roles.STITCHER, stitcher.factory());
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldRunEveryRoleOnAnEmbeddedBrokerUntilShutdown() throws Exception {
        // Given the command, with a topic renamed through the environment
        CompletableFuture<Pipeline> prepared = new CompletableFuture<>();
        Map<String, String> environment = Map.of("CALLSCRIBE_TOPIC_CALLS_DEAD___LETTER", "run-test.dead-letter");
        CommandLine command = new CommandLine(new RunCommand(fakes, environment, prepared::complete));
        command.setOut(new PrintWriter(out, true));

        // When it runs in its own thread
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command.execute("--embedded",
                "--role", "all", "--set", "metrics.port=0", "--set", "topics.partitions=2",
                "--set", "topics.windows.partitions=2", "--set", "embedded.kafka.port=0",
                "--set", "embedded.registry.port=0"));
        Pipeline pipeline = prepared.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Conditions.await("/ready answers 200", () -> pipeline.metricsPort()
                .map(port -> Http.get(port, "/ready").statusCode() == 200).orElse(false));

        // Then every role runs against the embedded broker and registry, on the created topics, and the command
        // printed both addresses for other processes
        String bootstrap = pipeline.config().get("bootstrap.servers").orElseThrow();
        String registry = pipeline.config().get("schema.registry.url").orElseThrow();
        assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(registry).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(stitcher.config()).containsEntry("bootstrap.servers", bootstrap)
                .containsEntry("schema.registry.url", registry);
        Conditions.await("the addresses printed", () -> out.toString().contains("schema.registry.url=" + registry));
        assertThat(out.toString()).contains("bootstrap.servers=" + bootstrap);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listTopics().names().get()).contains("calls.audio", "calls.windows",
                    "run-test.dead-letter");
        }
        assertThat(status).isNotDone();

        // When shutdown is triggered (as the JVM shutdown hook does)
        pipeline.close();

        // Then the command returns 0 after closing the roles in reverse order
        assertThat(status.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(journal).containsExactly("start segmenter", "start transcriber", "start stitcher",
                "close stitcher", "close transcriber", "close segmenter");
    }

    @Test
    void shouldExitNonZeroWhenARoleStopsForGood() throws Exception {
        // Given the command running every role, with no broker needed
        CompletableFuture<Pipeline> prepared = new CompletableFuture<>();
        CommandLine command = Main.commandLine(new RunCommand(fakes, Map.of(), prepared::complete));
        command.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command.execute("--role", "all",
                "--set", "topics.create=false", "--set", "metrics.port=-1"));
        Pipeline pipeline = prepared.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Conditions.await("the roles started", () -> journal.contains("start stitcher"));

        // When the transcriber fails for good (fenced by another instance, say)
        transcriber.healthy(false);

        // Then the command stops the roles and fails, naming the role, so a supervisor restarts the process
        assertThat(status.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("callscribe run: role transcriber stopped for good");
        assertThat(journal).contains("close segmenter");
        assertThat(pipeline.failure()).isPresent();
    }

    @Test
    void shouldExitNonZeroWhenTheStopWasNotClean() throws Exception {
        // Given a role that will not finish its work in time when stopped
        stitcher.stoppingCleanly(false);
        CompletableFuture<Pipeline> prepared = new CompletableFuture<>();
        CommandLine command = Main.commandLine(new RunCommand(fakes, Map.of(), prepared::complete));
        command.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command.execute("--role", "stitcher",
                "--set", "topics.create=false", "--set", "metrics.port=-1"));
        Pipeline pipeline = prepared.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Conditions.await("the role started", () -> journal.contains("start stitcher"));

        // When it is stopped (as SIGTERM does)
        pipeline.close();

        // Then
        assertThat(status.get(Conditions.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("callscribe run: stopped, but not cleanly");
    }

    @Test
    void shouldSayInOneLineThatARoleDoesNotExist() {
        // When
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "run", "--role", "mixer");

        // Then
        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("callscribe run: unknown role 'mixer', expected one of "
                + Roles.FLOW_ORDER).hasLineCount(1);
    }

    @Test
    void shouldOfferEveryRoleOfThePipeline() {
        assertThat(Roles.available().names()).containsAll(Roles.FLOW_ORDER);
    }

    @Test
    void shouldSayInOneLineWhichKeyHasAnInvalidValue() {
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "run", "--set", "metrics.port=many");

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("callscribe run: Invalid value many for configuration metrics.port: "
                + "Not a number of type INT" + System.lineSeparator());
    }

    @Test
    void shouldSayInOneLineWhichConfigFileIsMissing(@TempDir Path tempDir) {
        Path missing = tempDir.resolve("callscribe.properties");

        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "run", "--config", missing.toString());

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("callscribe run: configuration file " + missing + " does not exist"
                + System.lineSeparator());
    }

    @Test
    void shouldBeListedAmongTheCommands() {
        Main.run(new PrintWriter(out), new PrintWriter(err), "--help");

        assertThat(out.toString()).containsPattern("(?m)^\\s+run\\s+Run pipeline roles");
    }
}
