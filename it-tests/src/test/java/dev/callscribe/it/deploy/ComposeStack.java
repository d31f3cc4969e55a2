package dev.callscribe.it.deploy;

import dev.callscribe.connect.testkit.PostgresDatabase;
import dev.callscribe.it.connect.ConnectWorker;
import dev.callscribe.it.deploy.ComposeProcesses.Running;
import dev.callscribe.it.support.CallscribeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docker-compose.yml brought up without Docker: the callscribe services as local processes (their commands and
 * environments from the file and the image's Dockerfile), a Kafka Connect worker from the file's worker properties
 * with the connectors of its registration service, around a broker, a registry and a PostgreSQL database the test
 * provides in place of the file's kafka, registry and postgres services. Closing stops the worker and the processes.
 */
final class ComposeStack implements AutoCloseable {

    /** How long a role may take to report ready (a cold JVM, Streams joining its group, the model loading). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static final String TOPICS_VARIABLE_PREFIX = "CALLSCRIBE_TOPICS_";
    private static final String REGISTRY_HOST_PORT = "8081";

    private final ComposeFile compose;
    private final Path projectDirectory;
    private final Surroundings surroundings;
    private final ComposeLocalization network;
    private final ComposeProcesses processes;
    private final Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
    private ConnectWorker worker;

    /**
     * What stands in for the compose file's infrastructure services.
     *
     * @param bootstrapServers the broker, for the kafka service
     * @param registryUrl      the registry's base URL ({@code http://127.0.0.1:PORT}), for the registry service
     * @param database         the database the sink writes to, for the postgres service
     * @param workDirectory    where the processes' directories and the recordings folder go
     */
    record Surroundings(String bootstrapServers, String registryUrl, PostgresDatabase database, Path workDirectory) {
    }

    ComposeStack(ComposeFile compose, Path projectDirectory, ComposeDockerfile image, Surroundings surroundings) {
        this.compose = compose;
        this.projectDirectory = projectDirectory;
        this.surroundings = surroundings;
        this.network = network(compose, surroundings);
        this.processes = new ComposeProcesses(surroundings.workDirectory(), network, image.environment());
    }

    /**
     * Runs the one-shot callscribe services (the topics job) to completion, then starts the long-running ones and
     * waits until each is ready. Until the command line has {@code topics create}, the job is left out and the roles,
     * started one at a time, create the topics themselves with the job's topic settings.
     */
    void startCallscribeServices() {
        boolean topicsCommand = hasTopicsCommand();
        Map<String, String> fallback = new HashMap<>();
        for (ComposeService service : compose.callscribeServices()) {
            if (isOneShot(service) && topicsCommand) {
                processes.runToCompletion(service, Map.of());
            } else if (isOneShot(service)) {
                service.environment().forEach((name, value) -> {
                    if (name.startsWith(TOPICS_VARIABLE_PREFIX)) {
                        fallback.put(name, value);
                    }
                });
                fallback.put("CALLSCRIBE_TOPICS_CREATE", "true");
            }
        }
        for (ComposeService service : compose.callscribeServices()) {
            if (!isOneShot(service)) {
                Running running = processes.start(service, fallback);
                if (!fallback.isEmpty()) {
                    awaitReady(running); // one at a time while the roles create the topics themselves
                }
            }
        }
        processes.running().forEach(ComposeStack::awaitReady);
    }

    /**
     * Starts a worker from the connect service's worker properties (its broker, REST listener and plugin.path
     * pointed at the test's) and creates the connectors of the registration service's folder, their
     * {@code ${env:...}} references resolved from the connect service's environment, the recordings folder and the
     * database localized; waits until every connector runs its tasks.
     */
    void startConnect() throws IOException {
        ComposeService connect = compose.service("connect");
        Path workerFile = connect.hostPath(connect.command().get(connect.command().size() - 1), projectDirectory);
        Map<String, String> workerConfig = new HashMap<>(network.apply(ComposeConnect.properties(workerFile)));
        workerConfig.put("listeners", "http://127.0.0.1:0");
        workerConfig.remove("rest.advertised.host.name");
        workerConfig.remove("rest.advertised.port");
        workerConfig.put("plugin.path", ConnectWorker.pluginPath().toString());
        worker = ConnectWorker.start(workerConfig);

        Path recordings = Files.createDirectories(surroundings.workDirectory().resolve("recordings"));
        ComposeLocalization local = network.with(connect.mountTarget("./recordings"), recordings.toString());
        ComposeConnect.connectors(registrationScript().resolveSibling("connectors")).forEach((name, config) -> {
            Map<String, String> resolved = local.apply(ComposeConnect.resolveEnvironment(config, connect.environment()));
            connectors.put(name, withTestDatabase(resolved));
        });
        connectors.forEach(worker.rest()::putConnector);
        connectors.forEach((name, config) -> worker.awaitRunning(name, Integer.parseInt(config.get("tasks.max"))));
    }

    /**
     * Drops a recording into the watched folder as users are told to: written under a hidden name, then renamed.
     *
     * @return the recording's path
     */
    Path dropRecording(String fileName, byte[] audio) throws IOException {
        Path folder = Path.of(connectorWith("directory").get("directory"));
        Path hidden = Files.write(folder.resolve("." + fileName), audio);
        return Files.move(hidden, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The configuration, as created on the worker, of the one connector that has this key. */
    Map<String, String> connectorWith(String key) {
        List<Map<String, String>> matching = connectors.values().stream()
                .filter(config -> config.containsKey(key)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one connector with " + key + ", found " + matching.size());
        }
        return matching.get(0);
    }

    /** The long-running callscribe processes. */
    List<Running> running() {
        return processes.running();
    }

    /** Everything the long-running processes serve at {@code /metrics} now, one exposition after the other. */
    String scrapeAll() {
        return running().stream().map(running -> ComposeMetrics.scrape(running.metricsPort()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        try {
            if (worker != null) {
                worker.close();
            }
        } finally {
            processes.close();
        }
    }

    /** The compose network's kafka and registry addresses, as the compose file itself names them. */
    private static ComposeLocalization network(ComposeFile compose, Surroundings surroundings) {
        ComposeService kafka = compose.service("kafka");
        String internal = Arrays.stream(kafka.environment().get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(listener -> listener.replaceFirst("^[A-Z_]+://", ""))
                .filter(address -> address.startsWith(kafka.name() + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("kafka advertises no listener on the compose network"));
        ComposeService registry = compose.service("registry");
        String registryUrl = "http://" + registry.name() + ":"
                + registry.containerPort(Integer.parseInt(REGISTRY_HOST_PORT));
        return ComposeLocalization.none()
                .with(internal, surroundings.bootstrapServers())
                .with(registryUrl, surroundings.registryUrl());
    }

    /** The sink's connection keys, as the file sets them against the postgres service, aimed at the test database. */
    private Map<String, String> withTestDatabase(Map<String, String> config) {
        if (!config.containsKey("connection.url")) {
            return config;
        }
        Map<String, String> local = new LinkedHashMap<>(config);
        local.put("connection.url", surroundings.database().jdbcUrl());
        local.put("connection.user", surroundings.database().user());
        local.put("connection.password", surroundings.database().password());
        return local;
    }

    private Path registrationScript() {
        ComposeService registration = compose.service("connectors");
        String script = registration.command().stream().filter(argument -> argument.endsWith(".sh")).findFirst()
                .orElseThrow(() -> new AssertionError("the connectors service runs no script: "
                        + registration.command()));
        return registration.hostPath(script, projectDirectory);
    }

    private static void awaitReady(Running running) {
        running.process().awaitReady(running.metricsPort(), READY_TIMEOUT);
    }

    private static boolean isOneShot(ComposeService service) {
        return !service.command().isEmpty() && !service.command().get(0).equals("run");
    }

    /** Whether the jar has {@code topics create} (its help names the command; an unknown one prints the top help). */
    private static boolean hasTopicsCommand() {
        try (CallscribeProcess help = CallscribeProcess.start("topics-help", List.of("topics", "--help"), Map.of())) {
            help.awaitExit(Duration.ofSeconds(30));
            return help.output().contains("callscribe topics");
        }
    }
}
