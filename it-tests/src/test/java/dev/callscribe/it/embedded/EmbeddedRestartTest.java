package dev.callscribe.it.embedded;

import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.CALL;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.CALL_TIMEOUT;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.ORACLE;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.REGISTRY;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.START_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.it.support.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded stack restarted under a worker of another process: on fixed ports and a data directory, the worker
 * reconnects by itself and carries on, and what was written before the restart is still there and readable.
 */
class EmbeddedRestartTest {

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

            // When the stack stops and starts again with the same settings
            first.stop();
            try (CallscribeProcess second = CallscribeProcess.start("stack-2", stack, Map.of())) {
                second.awaitOutput(REGISTRY, START_TIMEOUT);

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
