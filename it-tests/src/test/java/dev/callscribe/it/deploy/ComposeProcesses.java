package dev.callscribe.it.deploy;

import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.it.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callscribe services of a compose file run as local processes, as their containers would run them: the image's
 * entrypoint is {@code java -jar callscribe.jar}, so a service's command becomes the process's arguments, and its
 * environment is the image's {@code ENV} plus the service's {@code environment}, with the compose network's
 * addresses and the container's directories localized. Each process gets its own metrics port
 * ({@code CALLSCRIBE_METRICS_PORT}) and its own copy of the container directories. Closing kills what still runs.
 */
final class ComposeProcesses implements AutoCloseable {

    /** The image's directories (HF_HOME, the Streams state) that each process gets a local copy of. */
    static final List<String> IMAGE_DIRECTORIES = List.of("/var/lib/callscribe", "/var/cache/callscribe");
    /** The variable that sets metrics.port. */
    static final String METRICS_PORT_VARIABLE = "CALLSCRIBE_METRICS_PORT";

    private static final Duration ONE_SHOT_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDirectory;
    private final ComposeLocalization network;
    private final Map<String, String> imageEnvironment;
    private final List<Running> running = new ArrayList<>();

    /** A long-running service's process and the port of its metrics, health and readiness endpoints. */
    record Running(ComposeService service, CallscribeProcess process, int metricsPort) {
    }

    /**
     * @param workDirectory    where the processes' directories go, one folder per service
     * @param network          the compose network's addresses mapped to local ones
     * @param imageEnvironment the callscribe image's {@code ENV} variables
     */
    ComposeProcesses(Path workDirectory, ComposeLocalization network, Map<String, String> imageEnvironment) {
        this.workDirectory = workDirectory;
        this.network = network;
        this.imageEnvironment = Map.copyOf(imageEnvironment);
    }

    /**
     * Runs a one-shot service (the topics job) to its end.
     *
     * @throws AssertionError when it does not exit with status 0 within {@link #ONE_SHOT_TIMEOUT}
     */
    CallscribeProcess runToCompletion(ComposeService service, Map<String, String> extraEnvironment) {
        CallscribeProcess process = CallscribeProcess.start(service.name(), service.command(),
                environment(service, extraEnvironment));
        int status;
        try {
            status = process.awaitExit(ONE_SHOT_TIMEOUT);
        } finally {
            process.close();
        }
        if (status != 0) {
            throw new AssertionError(service.name() + " exited with status " + status + ":\n" + process.logTail());
        }
        return process;
    }

    /** Starts a long-running service (a {@code run} of pipeline roles) on a free metrics port. */
    Running start(ComposeService service, Map<String, String> extraEnvironment) {
        int metricsPort = FreePorts.next();
        Map<String, String> extra = new LinkedHashMap<>(extraEnvironment);
        extra.put(METRICS_PORT_VARIABLE, String.valueOf(metricsPort));
        CallscribeProcess process = CallscribeProcess.start(service.name(), service.command(),
                environment(service, extra));
        Running started = new Running(service, process, metricsPort);
        running.add(started);
        return started;
    }

    /** The long-running processes started so far. */
    List<Running> running() {
        return List.copyOf(running);
    }

    /**
     * What the process's environment gets: the image's variables, then the service's (which win, as in a container),
     * localized for this service, then the extra variables the test sets.
     */
    Map<String, String> environment(ComposeService service, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>(imageEnvironment);
        environment.putAll(service.environment());
        environment = localization(service).apply(environment);
        environment.putAll(extraEnvironment);
        return environment;
    }

    @Override
    public void close() {
        running.forEach(started -> started.process().close());
    }

    private ComposeLocalization localization(ComposeService service) {
        ComposeLocalization localization = network;
        for (String directory : IMAGE_DIRECTORIES) {
            Path local = workDirectory.resolve(service.name()).resolve(directory.substring(1).replace('/', '-'));
            localization = localization.with(directory, createDirectories(local).toString());
        }
        return localization;
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }
}
