package dev.callscribe.app.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in this JVM: Kafka's own KRaft server, broker and controller combined, as
 * {@code kafka-server-start.sh} runs it with {@code process.roles=broker,controller}. Clients connect to
 * {@link #bootstrapServers()}; the controller listens on a free loopback port that only the broker uses. The
 * internal offsets, transaction and share-state topics have one replica, so consumer groups and transactions
 * (exactly once) work on one node. Its log directory is formatted on first use and reused as it is afterwards, so a
 * broker started again on the same directory has its topics, offsets and transactions back.
 *
 * <p>Owns the server's threads and sockets until closed; {@link #close()} is idempotent and leaves the directory to
 * its owner. A fatal fault inside the broker ends the JVM, as it would end a standalone broker.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Consumer-protocol group session: how long a silent member keeps its partitions. */
    public static final int CONSUMER_SESSION_TIMEOUT_MS = 6_000;
    /** Consumer-protocol heartbeat interval: how soon members learn of a new assignment. */
    public static final int CONSUMER_HEARTBEAT_INTERVAL_MS = 1_000;
    /** How often the transaction coordinator looks for transactions past their timeout. */
    public static final int TRANSACTION_CLEANUP_INTERVAL_MS = 1_000;
    /** The file Kafka's formatter writes into a log directory; its presence means "formatted, with a cluster id". */
    private static final String FORMATTED_MARKER = "meta.properties";

    /** slf4j-simple's per-logger level property prefix; other logging backends ignore these properties. */
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.log.";

    /**
     * Loggers and the level they get unless the JVM was started with one: the broker logs every partition and state
     * change at INFO (hundreds of lines per start); its controller warns on every fresh start that its new metadata
     * log is empty, and the broker each time clients starting together ask it to create its transaction log that one
     * of them has just had created. Kafka Streams warns at every start that a state directory under the temporary
     * directory may be cleaned by the OS, which is where an embedded pipeline keeps its state on purpose. The replica
     * manager logs at ERROR every append it refuses with an unexpected error, among them the retriable refusals of a
     * restarted transactional producer's batch that overtook its first one (OutOfOrderSequenceException, Kafka 4's
     * KAFKA-18202 check), which the producer then sends again in order; every refusal is also answered to the
     * producing client, whose own log says what it could not retry.
     */
    private static final Map<String, String> QUIET_LOGGERS = Map.of(
            "kafka", "warn",
            "state.change.logger", "warn",
            "org.apache.kafka.controller", "error",
            "org.apache.kafka.storage", "warn",
            "org.apache.kafka.raft", "warn",
            "org.apache.kafka.server", "warn",
            "kafka.server.DefaultAutoTopicCreationManager", "error",
            "kafka.server.ReplicaManager", "off",
            "org.apache.kafka.streams.processor.internals.StateDirectory", "error");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on the settings' bind address and Kafka port, with its logs in {@code logDirectory} (created
     * and formatted if new), and waits until it serves clients.
     *
     * @throws IllegalStateException when the broker does not start, with the reason (a port in use names the port
     *     and the setting that chooses it)
     */
    public static EmbeddedKafka start(EmbeddedSettings settings, Path logDirectory) {
        quietBrokerLogs();
        int port = resolvePort(settings.bindAddress(), settings.kafkaPort());
        String bootstrap = settings.reachableHost() + ":" + port;
        Map<String, Object> config = brokerConfig(settings, port, freePort(LOOPBACK), logDirectory);
        KafkaRaftServer server = null;
        try {
            formatIfNew(logDirectory);
            server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            awaitServing(bootstrap);
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw new IllegalStateException("cannot start the embedded Kafka broker on " + settings.bindAddress() + ":"
                    + port + " with its data in " + logDirectory + ": " + e.getMessage(), e);
        }
        LOG.debug("Embedded Kafka broker at {} with its logs in {}", bootstrap, logDirectory);
        return new EmbeddedKafka(server, bootstrap);
    }

    /** The address clients connect to ({@code host:port}). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker; its data stays where it is. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
    }

    private static Map<String, Object> brokerConfig(EmbeddedSettings settings, int port, int controllerPort,
            Path logDirectory) {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        // A static voter set: the controller's port may differ from one start to the next.
        config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        config.put("listeners", CLIENT_LISTENER + "://" + settings.bindAddress() + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", CLIENT_LISTENER + "://" + settings.reachableHost() + ":" + port);
        config.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER
                + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", CLIENT_LISTENER);
        config.put("log.dirs", logDirectory.toString());
        // One node: the internal topics cannot have more replicas than brokers, or groups and transactions stall.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        // Groups start at once instead of waiting 3 s for more members to join.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.putAll(DEAD_WORKER_RECOVERY);
        return config;
    }

    /**
     * A killed transcriber's partitions and its open transaction are taken over within seconds rather than a minute:
     * its consumer-protocol (KIP-848) group session ends 6 s after its last heartbeat (default and minimum 45 s),
     * members heartbeat every second (default 5 s), and transactions past their timeout are aborted within a second
     * of it (default: checked every 10 s). Operators of their own brokers set the same keys (see the README); the
     * test kit's broker uses these too.
     */
    public static final Map<String, String> DEAD_WORKER_RECOVERY = Map.of(
            "group.consumer.session.timeout.ms", Integer.toString(CONSUMER_SESSION_TIMEOUT_MS),
            "group.consumer.min.session.timeout.ms", Integer.toString(CONSUMER_SESSION_TIMEOUT_MS),
            "group.consumer.heartbeat.interval.ms", Integer.toString(CONSUMER_HEARTBEAT_INTERVAL_MS),
            "group.consumer.min.heartbeat.interval.ms", Integer.toString(CONSUMER_HEARTBEAT_INTERVAL_MS),
            "transaction.abort.timed.out.transaction.cleanup.interval.ms",
            Integer.toString(TRANSACTION_CLEANUP_INTERVAL_MS));

    /**
     * Formats a new log directory, as {@code kafka-storage.sh format} does; one formatted before is left as it is.
     * Kafka's formatter prints what it did to a stream, which goes to the debug log rather than the console, where
     * it would land in the middle of the demo's transcript.
     */
    private static void formatIfNew(Path logDirectory) {
        if (Files.exists(logDirectory.resolve(FORMATTED_MARKER))) {
            return;
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory: " + e.getMessage(), e);
        } finally {
            LOG.debug("Broker storage: {}", printed.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Waits until the broker answers a metadata request, so the callers' first clients find it serving. */
    private static void awaitServing(String bootstrap) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer at " + bootstrap + " within " + READY_TIMEOUT,
                    e);
        }
    }

    /**
     * The port to listen on: a free one for 0, else the one given once it is known to be free, so a busy port is
     * reported plainly instead of as a broker start-up failure.
     */
    static int resolvePort(String bindAddress, int port) {
        if (port == EmbeddedSettings.FREE_PORT) {
            return freePort(bindAddress);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + " (" + e.getMessage()
                    + "): is another broker or callscribe running? Stop it, or choose another port (0 for any free "
                    + "one)", e);
        }
    }

    private static int freePort(String bindAddress) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    /** A level given with -D on the java command line wins; so does any level set before the broker's first start. */
    private static void quietBrokerLogs() {
        QUIET_LOGGERS.forEach((logger, level) -> {
            if (System.getProperty(SIMPLE_LOGGER_LEVEL + logger) == null) {
                System.setProperty(SIMPLE_LOGGER_LEVEL + logger, level);
            }
        });
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("The embedded Kafka broker did not stop cleanly: {}", e.toString());
        }
    }
}
