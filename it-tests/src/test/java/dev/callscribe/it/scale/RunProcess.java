package dev.callscribe.it.scale;

import dev.callscribe.app.AppConfig;
import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.it.support.CallscribeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code callscribe run --role ROLES} process and its metrics endpoint. The settings every process of a
 * pipeline shares come as {@code CALLSCRIBE_*} environment variables, as a deployment's shared configuration would;
 * the process's own ones (state directories, instance id) as {@code --set}. The metrics port is 0, a free one, read
 * back from the process's log. Owns its process; {@link #close()} kills it if it still runs.
 */
public final class RunProcess implements AutoCloseable {

    /** How long a process may take from its start to answering /ready: a JVM start on a busy two-core machine. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern METRICS_LINE = Pattern.compile("Metrics at http://localhost:(\\d+)/metrics");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final CallscribeProcess process;
    private int metricsPort = -1;

    private RunProcess(String name, CallscribeProcess process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts the process and returns at once; {@link #awaitReady()} waits for it.
     *
     * @param roles  the {@code --role} value, e.g. {@code segmenter,stitcher}
     * @param shared keys set through environment variables
     * @param own    keys set with {@code --set}
     */
    public static RunProcess start(String name, String roles, Map<String, String> shared,
                                   Map<String, String> own) {
        List<String> arguments = new ArrayList<>(List.of("run", "--role", roles));
        Map<String, String> withPort = new LinkedHashMap<>(own);
        withPort.put(AppConfig.METRICS_PORT_CONFIG, "0");
        withPort.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        Map<String, String> environment = new LinkedHashMap<>();
        shared.forEach((key, value) -> environment.put(EnvironmentVariables.variableName(key), value));
        return new RunProcess(name, CallscribeProcess.start(name, arguments, environment));
    }

    /** Waits until the process serves its endpoints and {@code GET /ready} answers 200 (every role working). */
    public RunProcess awaitReady() {
        long start = System.nanoTime();
        metricsPort = Integer.parseInt(process.awaitOutput(METRICS_LINE, READY_TIMEOUT).group(1));
        process.awaitReady(metricsPort, READY_TIMEOUT.minusNanos(System.nanoTime() - start));
        return this;
    }

    /**
     * The sum of every sample of a meter in the process's {@code GET /metrics} (Prometheus text), over all its tags;
     * 0 when the meter has no sample.
     *
     * @param prometheusName e.g. {@code callscribe_segmenter_windows_total}
     */
    public double meter(String prometheusName) {
        return meter(prometheusName, "");
    }

    /** The same over the samples whose labels contain {@code labels}, e.g. {@code area="heap"}. */
    public double meter(String prometheusName, String labels) {
        if (metricsPort < 0) {
            throw new IllegalStateException(name + " has not been awaited ready; its metrics port is unknown");
        }
        return scrape().lines()
                .filter(line -> line.startsWith(prometheusName + "{") || line.startsWith(prometheusName + " "))
                .filter(line -> line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /** Waits for the process to exit by itself; returns its exit status (fails after {@code timeout}). */
    public int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** Everything the process printed so far. */
    public String output() {
        return process.output();
    }

    /** Sends SIGTERM and waits for the process to stop; returns its exit status. */
    public int stop() {
        return process.stop();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    public void kill() {
        process.kill();
    }

    /** Sends SIGSTOP: the process hangs, holding its connections, until {@link #resume()}. */
    public void pause() {
        process.signal("STOP");
    }

    /** Sends SIGCONT to a paused process. */
    public void resume() {
        process.signal("CONT");
    }

    /** Whether the process still runs (a paused one does). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the process printed, for failure messages. */
    public String logTail() {
        return process.logTail();
    }

    @Override
    public String toString() {
        return process.toString();
    }

    @Override
    public void close() {
        process.close();
    }

    private String scrape() {
        URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
        try {
            HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(name + " answered " + response.statusCode() + " at " + metrics);
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(name + " did not answer at " + metrics + ": " + e + " (" + process + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted scraping " + metrics, e);
        }
    }
}
