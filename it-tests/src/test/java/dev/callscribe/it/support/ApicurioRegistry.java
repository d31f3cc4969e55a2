package dev.callscribe.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Apicurio Registry server in a child JVM, bound to 127.0.0.1 on a free port with in-memory storage, started
 * from the distribution Maven unpacked for the tests. Its Confluent-compatible API is at {@link #ccompatUrl()}.
 * Closing it stops the process.
 */
public final class ApicurioRegistry implements AutoCloseable {

    /** How long the registry may take to answer after start; generous for a cold, busy CI machine. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final String version;

    private ApicurioRegistry(Process process, int port, Path log, String version) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.version = version;
    }

    /**
     * Starts the registry unpacked under {@code home} with the given Java executable and waits until it answers.
     *
     * @throws IllegalStateException if it exits or does not answer within {@link #STARTUP_TIMEOUT}; the message
     *     carries the end of its log
     */
    public static ApicurioRegistry start(Path home, String version, Path java) throws IOException {
        Path runner = findRunner(home);
        int port = FreePorts.next();
        Path log = home.getParent().resolve("apicurio-" + version + "-" + port + ".log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + FreePorts.next(),
                "-jar", runner.toString()))
                .directory(runner.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ApicurioRegistry registry = new ApicurioRegistry(process, port, log, version);
        registry.awaitReady();
        return registry;
    }

    /** Base URL of the Confluent-compatible REST API, as a {@code schema.registry.url}. */
    public String ccompatUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** Base URL of Apicurio's own v2 API, for Apicurio's serdes. */
    public String registryV2Url() {
        return "http://127.0.0.1:" + port + "/apis/registry/v2";
    }

    /** The Apicurio version running. */
    public String version() {
        return version;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with status " + process.exitValue()
                        + ":\n" + logTail());
            }
            if (answers(http, probe)) {
                return;
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("Apicurio Registry did not answer within " + STARTUP_TIMEOUT + ":\n"
                + logTail());
    }

    private static boolean answers(HttpClient http, HttpRequest probe) {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path findRunner(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home, 3)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")
                            || p.getFileName().toString().equals("quarkus-run.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Apicurio runner jar under " + home
                            + "; was it unpacked by the build (mvn process-test-resources)?"));
        }
    }
}
