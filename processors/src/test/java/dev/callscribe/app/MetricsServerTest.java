package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final List<String> journal = FakeRole.journal();
    private final RoleRoster roster = new RoleRoster();
    private ProcessMeters meters;
    private MetricsServer server;

    @BeforeEach
    void startServer() {
        meters = ProcessMeters.create();
        server = MetricsServer.start(0, meters::scrape, roster);
    }

    @AfterEach
    void stopServer() {
        server.close();
        meters.close();
    }

    @Test
    void shouldServeJvmMetricsInPrometheusFormat() {
        HttpResponse<String> response = Http.get(server.port(), "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_threads_live_threads",
                "process_uptime_seconds");
    }

    @Test
    void shouldServeTheMetersRolesRegister() {
        // Given a role's counter
        meters.registry().counter("callscribe.audio.seconds.in", "role", "segmenter").increment(2.5);

        // Then
        assertThat(Http.get(server.port(), "/metrics").body())
                .contains("callscribe_audio_seconds_in_total{role=\"segmenter\"} 2.5");
    }

    @Test
    void shouldBeHealthyAndReadyWhenEveryStartedRoleIs() {
        // Given
        roster.add(new FakeRole("segmenter", journal));
        roster.add(new FakeRole("stitcher", journal));
        roster.markStarted();

        // When
        HttpResponse<String> health = Http.get(server.port(), "/health");
        HttpResponse<String> ready = Http.get(server.port(), "/ready");

        // Then
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"roles\":["
                + "{\"name\":\"segmenter\",\"healthy\":true,\"ready\":true},"
                + "{\"name\":\"stitcher\",\"healthy\":true,\"ready\":true}]}");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("{\"status\":\"READY\"");
    }

    @Test
    void shouldBeUnhealthyWhenOneRoleHasFailed() {
        // Given
        roster.add(new FakeRole("segmenter", journal));
        roster.add(new FakeRole("transcriber", journal).healthy(false).ready(false));
        roster.markStarted();

        // When
        HttpResponse<String> health = Http.get(server.port(), "/health");

        // Then the body names the failed role
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).startsWith("{\"status\":\"DOWN\"")
                .contains("{\"name\":\"transcriber\",\"healthy\":false,\"ready\":false}");
    }

    @Test
    void shouldBeAliveButNotReadyWhileARoleIsNotReady() {
        // Given a role still waiting for its partitions
        roster.add(new FakeRole("stitcher", journal).ready(false));
        roster.markStarted();

        // Then
        assertThat(Http.get(server.port(), "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Http.get(server.port(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"NOT_READY\",\"roles\":["
                + "{\"name\":\"stitcher\",\"healthy\":true,\"ready\":false}]}");
    }

    @Test
    void shouldBeAliveButNotReadyWhileTheBrokerDoesNotAnswer() {
        // Given every role working, but the Kafka cluster not answering
        roster.add(new FakeRole("transcriber", journal));
        roster.markStarted();
        boolean[] reachable = {false};
        roster.requireBroker(() -> reachable[0]);

        // Then the process is alive (a restart would not help) but not ready, and says why
        assertThat(Http.get(server.port(), "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Http.get(server.port(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"NOT_READY\",\"broker\":\"unreachable\",\"roles\":["
                + "{\"name\":\"transcriber\",\"healthy\":true,\"ready\":true}]}");

        // When the cluster answers again
        reachable[0] = true;

        // Then it is ready
        assertThat(Http.get(server.port(), "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotBeReadyBeforeStartUpHasFinished() {
        // Given a started role, but start-up still going on
        roster.add(new FakeRole("segmenter", journal));

        // Then
        assertThat(Http.get(server.port(), "/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldNotBeReadyOnceShutdownHasBegun() {
        // Given
        roster.add(new FakeRole("segmenter", journal));
        roster.markStarted();

        // When
        roster.markStopping();

        // Then
        assertThat(Http.get(server.port(), "/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldCountARoleWhoseCheckThrowsAsFailing() {
        // Given
        roster.add(new FakeRole("segmenter", journal) {
            @Override
            public boolean isHealthy() {
                throw new IllegalStateException("broken");
            }
        });

        // Then
        assertThat(Http.get(server.port(), "/health").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldRefuseOtherMethods() {
        HttpResponse<String> response = Http.post(server.port(), "/metrics");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void shouldAnswerNotFoundForOtherPaths() {
        assertThat(Http.get(server.port(), "/admin").statusCode()).isEqualTo(404);
    }
}
