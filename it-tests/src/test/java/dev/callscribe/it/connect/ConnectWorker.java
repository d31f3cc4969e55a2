package dev.callscribe.it.connect;

import dev.callscribe.testkit.Await;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Kafka Connect worker in distributed mode, running in this JVM: the worker Kafka ships
 * ({@code ConnectDistributed}), started through its public entry point with a worker configuration, and driven
 * through its REST API ({@link #rest()}). Workers started with the same {@link #distributedConfig cluster name} form
 * one Connect cluster; stopping one and starting another is a worker restart: connectors, tasks and offsets come
 * back from the cluster's topics.
 *
 * <p>The worker runs in a class loader of its own holding Kafka and the third-party jars of the test class path but
 * none of callscribe's code (no {@code callscribe-*.jar}, no module {@code classes} folder), so connectors come only
 * from {@code plugin.path}, the plugin the build packaged: a jar missing from the plugin fails the test as it would
 * fail a user. Use it with try-with-resources; {@link #close} stops the worker gracefully (tasks stop, open
 * transactions commit or abort, offsets flush). Starts in a few seconds.
 *
 * <pre>{@code
 * Map<String, String> config = ConnectWorker.distributedConfig(KAFKA.bootstrapServers(), "my-test");
 * config.put("exactly.once.source.support", "enabled");
 * try (ConnectWorker worker = ConnectWorker.start(config)) {
 *     worker.rest().putConnector("recordings", connectorConfig);
 *     worker.awaitRunning("recordings", 1);
 * }
 * }</pre>
 */
public final class ConnectWorker implements AutoCloseable {

    /** The system property naming the unpacked Connect plugin folder (set by it-tests' pom). */
    public static final String PLUGIN_PATH_PROPERTY = "callscribe.connect.plugin.path";
    /** How long a worker may take to start and join its cluster, and a connector to start its tasks. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final String CONNECT_CLI = "org.apache.kafka.connect.cli.ConnectDistributed";
    private static ClassLoader workerLoader;

    private final Object connect;
    private final ConnectRestClient rest;

    private ConnectWorker(Object connect, URI restUrl) {
        this.connect = connect;
        this.rest = new ConnectRestClient(restUrl);
    }

    /**
     * A distributed-worker configuration for a single-broker test cluster, ready to start: group id and internal
     * topics named after {@code clusterName} (one replica), REST on a free localhost port, {@code plugin.path} the
     * packaged plugin, plugins found through their ServiceLoader manifests (as KIP-898 asks plugins to ship), and
     * JSON converters as the worker default, as in Kafka's {@code connect-distributed.properties}, so connectors
     * name the converters they need, and sink consumers reading committed records only. Mutable: add or change keys
     * before {@link #start}.
     */
    public static Map<String, String> distributedConfig(String bootstrapServers, String clusterName) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", clusterName);
        config.put("config.storage.topic", clusterName + "-configs");
        config.put("offset.storage.topic", clusterName + "-offsets");
        config.put("status.storage.topic", clusterName + "-status");
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.put("offset.storage.partitions", "1");
        config.put("status.storage.partitions", "1");
        config.put("listeners", "http://127.0.0.1:0");
        config.put("plugin.path", pluginPath().toString());
        config.put("plugin.discovery", "service_load");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        // A stopped worker's tasks move to the others at once, not after the default 5 minutes' grace.
        config.put("scheduled.rebalance.max.delay.ms", "0");
        config.put("offset.flush.interval.ms", "1000");
        // As the README tells users: sink tasks read only what the pipeline's transactions committed.
        config.put("consumer.isolation.level", "read_committed");
        return config;
    }

    /** The unpacked plugin folder: the parent of {@code callscribe-connect/}, what plugin.path names. */
    public static Path pluginPath() {
        String path = System.getProperty(PLUGIN_PATH_PROPERTY);
        if (path == null || !Files.isDirectory(Path.of(path, "callscribe-connect"))) {
            throw new IllegalStateException("no Connect plugin at " + path + " (system property "
                    + PLUGIN_PATH_PROPERTY + "): run the tests through Maven, which unpacks the plugin the"
                    + " connectors module builds (mvn -pl connectors install first when running it-tests alone)");
        }
        return Path.of(path);
    }

    /**
     * Starts a worker and waits until it has joined its cluster ({@code GET /health} answers 200).
     *
     * @throws IllegalStateException if the worker fails to start
     */
    public static ConnectWorker start(Map<String, String> workerConfig) {
        Object connect = invokeInWorker(() -> {
            Class<?> cli = Class.forName(CONNECT_CLI, true, workerLoader());
            Object distributed = cli.getConstructor(String[].class).newInstance((Object) new String[0]);
            return cli.getMethod("startConnect", Map.class).invoke(distributed, Map.copyOf(workerConfig));
        });
        Object restServer = invokeInWorker(() -> connect.getClass().getMethod("rest").invoke(connect));
        URI url = (URI) invokeInWorker(() -> restServer.getClass().getMethod("serverUrl").invoke(restServer));
        ConnectWorker worker = new ConnectWorker(connect, url);
        Await.until("the Connect worker at " + url + " is healthy", START_TIMEOUT, worker.rest::isHealthy);
        return worker;
    }

    /** The worker's REST API. */
    public ConnectRestClient rest() {
        return rest;
    }

    /** Waits until the connector and exactly {@code taskCount} tasks run; fails at once if one of them failed. */
    public ConnectorStatus awaitRunning(String connector, int taskCount) {
        Await.until("connector " + connector + " runs with " + taskCount + " task(s)", START_TIMEOUT, () -> {
            ConnectorStatus status = rest.status(connector).orElse(null);
            if (status != null && status.hasFailed()) {
                throw new AssertionError("connector " + connector + " failed: " + status);
            }
            return status != null && status.isRunning(taskCount);
        });
        return rest.status(connector).orElseThrow();
    }

    /**
     * Deletes the connector and waits until the worker no longer knows it, so a test's files can go without its
     * tasks still looking at them. Its offsets stay in the cluster's offsets topic.
     */
    public void deleteConnector(String connector) {
        rest.deleteConnector(connector);
        Await.until("connector " + connector + " is deleted", START_TIMEOUT, () -> rest.status(connector).isEmpty());
    }

    /** Stops the worker and waits until it has stopped. Idempotent. */
    @Override
    public void close() {
        invokeInWorker(() -> connect.getClass().getMethod("stop").invoke(connect));
        invokeInWorker(() -> connect.getClass().getMethod("awaitStop").invoke(connect));
    }

    /** A reflective call into the worker's class loader; the worker's own exception comes out as the cause. */
    private interface WorkerCall {
        Object call() throws ReflectiveOperationException;
    }

    /** Runs {@code call} with the worker's class loader as context loader (threads Connect starts inherit it). */
    private static Object invokeInWorker(WorkerCall call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(workerLoader());
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the Connect worker failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot drive the Connect worker through " + CONNECT_CLI, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One loader for every worker of the JVM: loading Kafka once is what makes a second worker quick to start. */
    private static synchronized ClassLoader workerLoader() {
        if (workerLoader == null) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .filter(ConnectWorker::isWorkerSide)
                    .map(ConnectWorker::url)
                    .toArray(URL[]::new);
            workerLoader = new URLClassLoader("connect-worker", urls, ClassLoader.getPlatformClassLoader());
            refuseExit(workerLoader);
        }
        return workerLoader;
    }

    /** Everything but callscribe's own code, which the worker must get from the plugin. */
    private static boolean isWorkerSide(Path entry) {
        String name = entry.getFileName().toString();
        return !name.startsWith("callscribe-") && !name.equals("classes");
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class path entry " + entry + " is not a URL", e);
        }
    }

    /**
     * Makes Kafka's {@code Exit.exit} and {@code Exit.halt} in the worker throw instead of ending the test JVM (the
     * worker calls them when it cannot start).
     */
    private static void refuseExit(ClassLoader loader) {
        try {
            Class<?> exit = Class.forName("org.apache.kafka.common.utils.Exit", true, loader);
            Class<?> procedure = Class.forName("org.apache.kafka.common.utils.Exit$Procedure", true, loader);
            Object refusal = Proxy.newProxyInstance(loader, new Class<?>[] {procedure}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "execute" -> throw new IllegalStateException("the Connect worker tried to exit with"
                                + " status " + args[0] + ": " + args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "Exit.Procedure that refuses to exit the test JVM";
                    });
            for (String setter : new String[] {"setExitProcedure", "setHaltProcedure"}) {
                Method set = exit.getMethod(setter, procedure);
                set.invoke(null, refusal);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot keep the Connect worker from exiting the JVM", e);
        }
    }
}
