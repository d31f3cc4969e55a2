package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's lifecycle without a broker: topic creation and the HTTP server are off unless a test needs them. */
class PipelineTest {

    private static final Map<String, String> NO_BROKER_NEEDED = Map.of(
            "topics.create", "false",
            "metrics.port", "-1");

    private final List<String> journal = FakeRole.journal();
    private final FakeRole segmenter = new FakeRole(Roles.SEGMENTER, journal);
    private final FakeRole transcriber = new FakeRole(Roles.TRANSCRIBER, journal);
    private final FakeRole stitcher = new FakeRole(Roles.STITCHER, journal);
    private final Roles roles = Roles.none()
            .with(Roles.SEGMENTER, segmenter.factory())
            .with(Roles.TRANSCRIBER, transcriber.factory())
            .with(Roles.STITCHER, stitcher.factory());

    @Test
    void shouldStartRolesInFlowOrderAndCloseThemInReverse() {
        // Given
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), NO_BROKER_NEEDED), roles, Map.of());

        // When
        pipeline.start();
        pipeline.close();

        // Then
        assertThat(journal).containsExactly("start segmenter", "start transcriber", "start stitcher",
                "close stitcher", "close transcriber", "close segmenter");
    }

    @Test
    void shouldStopByItselfWhenARoleStopsForGood() throws InterruptedException {
        // Given a running pipeline
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), NO_BROKER_NEEDED), roles, Map.of());
        pipeline.start();

        // When its transcriber fails for good (fenced, say)
        transcriber.healthy(false);

        // Then the pipeline closes itself and says which role stopped it
        Conditions.await("the pipeline closed", () -> journal.contains("close segmenter"));
        pipeline.awaitClosed();
        assertThat(pipeline.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("role transcriber stopped for good"));
        assertThat(journal).containsExactly("start segmenter", "start transcriber", "start stitcher",
                "close stitcher", "close transcriber", "close segmenter");
    }

    @Test
    void shouldNotTakeARoleMadeUnhealthyByShutdownForAFailure() {
        // Given a running pipeline whose role is unhealthy once closing (a Streams role is "not running" then)
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.STITCHER), NO_BROKER_NEEDED), roles, Map.of());
        pipeline.start();

        // When it is closed from outside and the role then says it is unhealthy
        pipeline.close();
        stitcher.healthy(false);

        // Then no failure is reported and the stop was clean
        assertThat(pipeline.failure()).isEmpty();
        assertThat(pipeline.stoppedCleanly()).isTrue();
    }

    @Test
    void shouldReportAStopThatWasNotClean() {
        // Given a role that does not finish its work in time on close
        stitcher.stoppingCleanly(false);
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.STITCHER), NO_BROKER_NEEDED), roles, Map.of());
        pipeline.start();

        // When
        pipeline.close();

        // Then
        assertThat(pipeline.stoppedCleanly()).isFalse();
        assertThat(pipeline.failure()).isEmpty();
    }

    @Test
    void shouldCloseOnlyOnce() throws InterruptedException {
        // Given
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.STITCHER), NO_BROKER_NEEDED), roles, Map.of());
        pipeline.start();

        // When
        pipeline.close();
        pipeline.close();
        pipeline.awaitClosed();

        // Then
        assertThat(journal).containsExactly("start stitcher", "close stitcher");
    }

    @Test
    void shouldCloseWhatStartedInReverseWhenARoleFailsToStart() {
        // Given a transcriber that cannot start
        transcriber.failingOnStart();
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), NO_BROKER_NEEDED), roles, Map.of());

        // When / Then
        assertThatThrownBy(pipeline::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("role transcriber did not start: no GPU found");
        assertThat(journal).containsExactly("start segmenter", "start transcriber",
                "close transcriber", "close segmenter");
    }

    @Test
    void shouldHandTheRolesTheGivenKeysButNotTheProcessKeys() {
        // Given keys from the environment and the command line
        Map<String, String> overrides = Map.of("topics.create", "false", "metrics.port", "-1", "linger.ms", "5");
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.SEGMENTER), overrides), roles,
                Map.of("CALLSCRIBE_BOOTSTRAP_SERVERS", "kafka:9092"));

        // When
        pipeline.start();
        pipeline.close();

        // Then
        assertThat(segmenter.config()).containsOnly(Map.entry("bootstrap.servers", "kafka:9092"),
                Map.entry("topics.create", "false"), Map.entry("linger.ms", "5"));
        assertThat(segmenter.registry()).isNotNull();
    }

    @Test
    void shouldStartNothingWhenARoleIsNotAvailable() {
        Roles onlyStitcher = Roles.none().with(Roles.STITCHER, stitcher.factory());

        assertThatThrownBy(() -> Pipeline.prepare(options(List.of(Roles.ALL), NO_BROKER_NEEDED), onlyStitcher,
                Map.of()))
                .hasMessage("role segmenter is not available in this build (available: stitcher)");
        assertThat(journal).isEmpty();
    }

    @Test
    void shouldSayWhereTopicsCouldNotBeCreatedAndStartNoRole() {
        // Given no broker at the address, and a short admin timeout
        Map<String, String> unreachable = Map.of("bootstrap.servers", "localhost:1", "metrics.port", "-1",
                "default.api.timeout.ms", "1000", "request.timeout.ms", "500", "reconnect.backoff.ms", "1000");
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), unreachable), roles, Map.of());

        // When / Then
        assertThatThrownBy(pipeline::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("topics at localhost:1: cannot list topics: ");
        assertThat(journal).isEmpty();
    }

    @Test
    void shouldKeepTheStateOfAnEmbeddedRunInItsDataDirectory(@TempDir Path dataDir) {
        // Given an embedded pipeline whose data goes to a given directory
        Map<String, String> overrides = Map.of("metrics.port", "-1", "topics.create", "false",
                "embedded.data.dir", dataDir.toString(), "embedded.kafka.port", "0", "embedded.registry.port", "0",
                "stitcher.state.dir", "/srv/stitcher-state");
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), overrides).withEmbedded(true), roles,
                Map.of());

        // When it runs, then stops
        pipeline.start();
        String segmenterState = segmenter.config().get("segmenter.state.dir");
        pipeline.close();

        // Then the segmenter's state lived beside the broker's data, which is kept; a given state dir wins
        assertThat(segmenterState).isEqualTo(dataDir.resolve("state").resolve("segmenter").toString());
        assertThat(dataDir.resolve("kafka")).isDirectory();
        assertThat(stitcher.config()).containsEntry("stitcher.state.dir", "/srv/stitcher-state");
    }

    @Test
    void shouldDeleteTheDataOfAnEmbeddedRunWithoutADataDirectory() {
        // Given an embedded pipeline with no data directory
        Map<String, String> overrides = Map.of("metrics.port", "-1", "topics.create", "false",
                "embedded.kafka.port", "0", "embedded.registry.port", "0");
        Pipeline pipeline = Pipeline.prepare(options(List.of(Roles.ALL), overrides).withEmbedded(true), roles,
                Map.of());

        // When it runs, then stops
        pipeline.start();
        Path dataDir = pipeline.embeddedStack().orElseThrow().dataDirectory();
        assertThat(segmenter.config().get("segmenter.state.dir")).startsWith(dataDir.toString());
        pipeline.close();

        // Then its temporary data directory is gone
        assertThat(dataDir).doesNotExist();
    }

    private static RunOptions options(List<String> roleNames, Map<String, String> overrides) {
        return RunOptions.defaults().withRoles(roleNames).withOverrides(overrides);
    }
}
