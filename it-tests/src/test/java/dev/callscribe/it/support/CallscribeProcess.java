package dev.callscribe.it.support;

import dev.callscribe.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code callscribe} command line in a process of its own, started as a user starts it:
 * {@code java -jar processors/target/callscribe.jar ARGS...}, with the given environment variables added to this
 * JVM's. Standard output and standard error go to one log file under {@code target/process-logs}, which failures
 * quote. {@link #stop()} sends SIGTERM, as Ctrl-C or Kubernetes would; {@link #kill()} sends SIGKILL.
 *
 * <p>Owns the process until closed; {@link #close()} kills it if it is still running and is idempotent.
 *
 * <pre>{@code
 * try (CallscribeProcess run = CallscribeProcess.start("embedded", List.of("run", "--embedded"), Map.of())) {
 *     run.awaitOutput(Pattern.compile("bootstrap.servers=(\\S+)"), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class CallscribeProcess implements AutoCloseable {

    /** The system property naming the command line's jar (set by it-tests' pom). */
    public static final String JAR_PROPERTY = "callscribe.jar";
    /** How long a process may take to stop after SIGTERM: the roles finish their work in flight first. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final int LOG_TAIL_LINES = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private CallscribeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code callscribe ARGS...}.
     *
     * @param name        a short name for the log file and failure messages
     * @param arguments   the command line after {@code callscribe}
     * @param environment variables added to (or replacing) this JVM's environment
     */
    public static CallscribeProcess start(String name, List<String> arguments, Map<String, String> environment) {
        Path log = logFile(name);
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), "-Xmx768m", "-jar",
                jar().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new CallscribeProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The jar the build made ({@value #JAR_PROPERTY}); fails the test when it was not built. */
    public static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured == null || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException("callscribe.jar not found at " + configured + " (system property "
                    + JAR_PROPERTY + "); build the processors module first (./mvnw -B -q install -DskipTests)");
        }
        return Path.of(configured);
    }

    /**
     * Waits until the output has a line matching {@code pattern}, and returns the match (its groups are the point).
     *
     * @throws AssertionError when it does not come within {@code timeout}, or the process exits first
     */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        Matcher[] found = new Matcher[1];
        Await.until(name + " printing " + pattern + " (log " + log + ")", timeout, () -> {
            Optional<Matcher> match = firstMatch(pattern);
            if (match.isPresent()) {
                found[0] = match.get();
                return true;
            }
            failIfExited("before printing " + pattern);
            return false;
        });
        return found[0];
    }

    /** Waits until {@code GET http://127.0.0.1:PORT/ready} answers 200: every role of the process is working. */
    public void awaitReady(int metricsPort, Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + metricsPort + "/ready");
        Await.until(name + " ready at " + ready + " (log " + log + ")", timeout, () -> {
            failIfExited("before it was ready");
            return status(ready) == 200;
        });
    }

    /** The status {@code GET http://127.0.0.1:PORT/PATH} answers now; -1 when nothing listens. */
    public int httpStatus(int port, String path) {
        return status(URI.create("http://127.0.0.1:" + port + path));
    }

    /**
     * Waits for the process to exit by itself.
     *
     * @return its exit status
     * @throws AssertionError when it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + "; its log ends:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and waits for the process to stop gracefully; returns its exit status. */
    public int stop() {
        process.destroy();
        return awaitExit(STOP_TIMEOUT);
    }

    /** Sends SIGKILL: the process dies at once, with whatever it had in flight. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
    }

    /**
     * Sends a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill} command; Java's Process
     * API sends only TERM and KILL.
     */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + name + " to " + this.name, e);
        }
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far, standard output and standard error together. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The last lines of the output, for failure messages. */
    public String logTail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    /** Where the output goes. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }

    private Optional<Matcher> firstMatch(Pattern pattern) {
        return output().lines().map(pattern::matcher).filter(Matcher::find).findFirst();
    }

    private void failIfExited(String when) {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with status " + process.exitValue() + " " + when
                    + "; its log ends:\n" + logTail());
        }
    }

    private static int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted probing " + uri, e);
        }
    }

    private static Path logFile(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "process-logs"));
            return Files.createTempFile(directory, name + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log file for " + name, e);
        }
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
