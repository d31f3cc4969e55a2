package dev.callscribe.it.embedded;

import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.REGISTRY;
import static dev.callscribe.it.embedded.SharedEmbeddedStackTest.START_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.app.embedded.EmbeddedStack;
import dev.callscribe.it.support.CallscribeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code run --embedded} without a data directory keeps its data in a temporary directory, deleted when it stops;
 * killed with SIGKILL it cannot delete it, so the next start of an embedded stack on the machine does. Each process
 * gets a temporary directory of the test's own ({@code java.io.tmpdir} through JAVA_TOOL_OPTIONS).
 */
class EmbeddedLeftoversTest {

    private static final List<String> STACK = List.of("run", "--embedded", "--role", "segmenter",
            "--set", "metrics.port=0", "--set", "embedded.kafka.port=0", "--set", "embedded.registry.port=0");

    @TempDir
    Path tmp;

    @Test
    void shouldRemoveTheDataOfAKilledEmbeddedRunAtTheNextStart() throws IOException {
        Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);

        // Given an embedded run killed with SIGKILL, which left its data behind
        Path leftover;
        try (CallscribeProcess killed = CallscribeProcess.start("embedded-killed", STACK, environment)) {
            killed.awaitOutput(REGISTRY, START_TIMEOUT);
            leftover = dataDirectories().stream().findFirst().orElseThrow();
            killed.kill();
        }
        assertThat(leftover.resolve("kafka")).isDirectory();

        // When the next embedded run starts
        try (CallscribeProcess next = CallscribeProcess.start("embedded-next", STACK, environment)) {
            next.awaitOutput(REGISTRY, START_TIMEOUT);

            // Then the leftover is gone, and only the running one's directory is there
            assertThat(leftover).doesNotExist();
            assertThat(dataDirectories()).hasSize(1);
            assertThat(next.output()).contains("Removing " + leftover);

            // And a clean stop deletes its own and exits 0
            assertThat(next.stop()).as(next.logTail()).isZero();
            assertThat(dataDirectories()).isEmpty();
        }
    }

    private List<Path> dataDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(path -> path.getFileName().toString().startsWith(EmbeddedStack.TEMPORARY_PREFIX))
                    .toList();
        }
    }
}
