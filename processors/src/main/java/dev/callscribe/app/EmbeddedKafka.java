package dev.callscribe.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in this JVM (KRaft, broker and controller combined), for {@code callscribe run
 * --embedded}, the demo and tests. It listens on a free localhost port, keeps its data in a fresh directory that is
 * deleted on {@link #close()}, and is sized for one node: the internal offsets and transaction topics have
 * replication factor 1, so consumer groups and transactions (exactly once) work. Starts in about 1-2 s.
 *
 * <p>Owns the broker's threads, sockets and directory until closed; {@link #close()} is idempotent.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** slf4j-simple's per-logger level property prefix; other logging backends ignore these properties. */
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.log.";

    /**
     * Loggers and the level they get unless the JVM was started with one: the broker logs every partition and state
     * change at INFO (hundreds of lines per start); its controller warns on every fresh start that its new metadata
     * log is empty, and the broker each time clients starting together ask it to create its transaction log that one
     * of them has just had created. Kafka Streams warns at every start that a state directory under the temporary
     * directory may be cleaned by the OS, which is where an embedded pipeline keeps its state on purpose.
     */
    private static final Map<String, String> QUIET_LOGGERS = Map.of(
            "kafka", "warn",
            "state.change.logger", "warn",
            "org.apache.kafka.controller", "error",
            "kafka.server.DefaultAutoTopicCreationManager", "error",
            "org.apache.kafka.streams.processor.internals.StateDirectory", "error");

    private final KafkaClusterTestKit cluster;
    private final Path directory;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path directory) {
        this.cluster = cluster;
        this.directory = directory;
    }

    /** Starts a broker with its data under the system temporary directory. */
    public static EmbeddedKafka start() {
        return start(null);
    }

    /**
     * Starts a broker and waits until it accepts clients.
     *
     * @param parentDirectory where the broker's data directory is created; null for the system temporary directory
     * @throws IllegalStateException when the broker does not start, with the reason
     */
    public static EmbeddedKafka start(Path parentDirectory) {
        quietBrokerLogs();
        Path directory = createDirectory(parentDirectory);
        KafkaClusterTestKit cluster = null;
        try {
            cluster = build(directory);
            formatOffTheConsole(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(cluster);
            throw new IllegalStateException("interrupted while starting the embedded Kafka broker", e);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("cannot start the embedded Kafka broker in " + directory + ": " + e, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster, directory);
        LOG.debug("Embedded Kafka broker at {} with data in {}", kafka.bootstrapServers(), directory);
        return kafka;
    }

    /** The address clients connect to ({@code localhost:port}). */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The broker's data directory; deleted when the broker is closed. */
    public Path directory() {
        return directory;
    }

    /** Stops the broker and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(cluster);
    }

    private static KafkaClusterTestKit build(Path directory) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(directory)
                .build();
        // One node: the internal topics cannot have more replicas than brokers, or groups and transactions stall.
        return new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("default.replication.factor", "1")
                // Groups start at once instead of waiting 3 s for more members; nobody else joins a local broker.
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
    }

    /**
     * Formats the broker's storage. Kafka's formatter prints what it did to {@code System.out}, which would land in
     * the middle of {@code demo}'s transcript; for the moment it runs, the console is swapped for a buffer that goes
     * to the debug log.
     */
    private static void formatOffTheConsole(KafkaClusterTestKit cluster) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(console);
            LOG.debug("Formatted the broker's storage: {}", printed.toString(StandardCharsets.UTF_8).strip());
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

    private static Path createDirectory(Path parent) {
        try {
            if (parent == null) {
                return Files.createTempDirectory("callscribe-kafka-");
            }
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "callscribe-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the embedded broker's data directory under "
                    + (parent == null ? "the temporary directory" : parent) + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the embedded Kafka broker");
        } catch (Exception e) {
            LOG.warn("The embedded Kafka broker did not stop cleanly: {}", e.toString());
        }
    }
}
