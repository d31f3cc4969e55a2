package dev.callscribe.it.embedded;

import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.CALL;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.CALL_TIMEOUT;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.ORACLE;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.REGISTRY;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.START_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.it.support.FreePorts;
import dev.callscribe.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded stack restarted under a worker of another process: on fixed ports and a data directory, the worker
 * reconnects by itself and carries on, and what was written before the restart is still there and readable. While
 * the broker is away the worker says it is not ready (503 on /ready) but alive (200 on /health), and it is ready
 * again once the broker is back.
 */
class EmbeddedRestartTest {

    /** The broker probe asks every 2 s and waits 3 s for an answer; the rest is slack for a busy machine. */
    private static final Duration READINESS_BOUND = Duration.ofSeconds(15);
    private static final Pattern METRICS_LINE = Pattern.compile("Metrics at http://localhost:(\\d+)/metrics");

    @TempDir
    Path dataDir;

    @Test
    void shouldLetAWorkerOfAnotherProcessCarryOnAfterTheStackRestarts() throws Exception {
        // Given an embedded stack running the Streams roles on fixed ports with a data directory, and a transcriber
        // in a process of its own pointed at it
        int kafkaPort = FreePorts.next();
        int registryPort = FreePorts.next();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String registry = "http://127.0.0.1:" + registryPort;
        List<String> stack = List.of("run", "--embedded", "--role", "segmenter,stitcher", "--set", "metrics.port=0",
                "--set", "embedded.kafka.port=" + kafkaPort, "--set", "embedded.registry.port=" + registryPort,
                "--set", "embedded.data.dir=" + dataDir, "--set", "topics.partitions=2",
                "--set", "topics.windows.partitions=2");
        try (CallscribeProcess first = CallscribeProcess.start("stack-1", stack, Map.of());
             CallscribeProcess worker = startTranscriber(bootstrap, registry, first)) {
            assertThat(first.awaitOutput(REGISTRY, START_TIMEOUT).group(1)).isEqualTo(registry);
            assertThat(first.output()).contains("Data is kept in " + dataDir);
            assertThat(finalTranscript(bootstrap, registry, "before-restart")).contains("agent:    order");

            int workerPort = Integer.parseInt(worker.awaitOutput(METRICS_LINE, START_TIMEOUT).group(1));
            worker.awaitReady(workerPort, START_TIMEOUT);

            // When the stack stops
            assertThat(first.stop()).as(first.logTail()).isZero();

            // Then the worker, cut off from its broker, is soon not ready, but stays alive: a restart would not help
            long stoppedAt = System.nanoTime();
            Await.until("the worker's /ready answering 503", READINESS_BOUND,
                    () -> worker.httpStatus(workerPort, "/ready") == 503);
            Duration notReadyAfter = Duration.ofNanos(System.nanoTime() - stoppedAt);
            assertThat(worker.httpStatus(workerPort, "/health")).isEqualTo(200);

            // When it starts again with the same settings
            try (CallscribeProcess second = CallscribeProcess.start("stack-2", stack, Map.of())) {
                second.awaitOutput(REGISTRY, START_TIMEOUT);
                long restartedAt = System.nanoTime();
                worker.awaitReady(workerPort, START_TIMEOUT);
                System.out.printf(Locale.ROOT, "Broker outage: worker not ready %.1f s after the broker stopped, "
                        + "ready again %.1f s after the restarted stack printed its addresses%n",
                        notReadyAfter.toMillis() / 1000.0, (System.nanoTime() - restartedAt) / 1e9);

                // Then the worker transcribes a call published after the restart, and the call from before it is
                // still readable: its records, offsets and schema ids came back with the data
                assertThat(finalTranscript(bootstrap, registry, "after-restart")).contains("agent:    order");
                assertThat(worker.isAlive()).isTrue();
                assertThat(second.output()).contains("created []");
                assertThat(tail(bootstrap, registry, "before-restart")).contains("== before-restart final");
            }
        }
    }

    private static CallscribeProcess startTranscriber(String bootstrap, String registry, CallscribeProcess stack) {
        stack.awaitOutput(REGISTRY, START_TIMEOUT);
        return CallscribeProcess.start("transcriber", List.of("run", "--role", "transcriber"), Map.of(
                "CALLSCRIBE_BOOTSTRAP_SERVERS", bootstrap, "CALLSCRIBE_SCHEMA_REGISTRY_URL", registry,
                "CALLSCRIBE_TRANSCRIBER_MODEL", ORACLE.toAbsolutePath().toString(),
                "CALLSCRIBE_TRANSCRIBER_INSTANCE_ID", "worker-1", "CALLSCRIBE_METRICS_PORT", "0",
                "CALLSCRIBE_TOPICS_CREATE", "false"));
    }

    /** Publishes the sample call under {@code callId} and returns its final transcript as tail prints it. */
    private static String finalTranscript(String bootstrap, String registry, String callId) {
        try (CallscribeProcess publish = CallscribeProcess.start("publish-" + callId, List.of("publish",
                CALL.toString(), "--call-id", callId, "--bootstrap-servers", bootstrap, "--registry-url", registry),
                Map.of())) {
            assertThat(publish.awaitExit(CALL_TIMEOUT)).as(publish.logTail()).isZero();
        }
        return tail(bootstrap, registry, callId);
    }

    private static String tail(String bootstrap, String registry, String callId) {
        try (CallscribeProcess tail = CallscribeProcess.start("tail-" + callId, List.of("tail", "--bootstrap-servers",
                bootstrap, "--registry-url", registry, "--from-beginning", "--call-id", callId, "--max-calls", "1"),
                Map.of())) {
            assertThat(tail.awaitExit(CALL_TIMEOUT)).as(tail.logTail()).isZero();
            return tail.output();
        }
    }
}
