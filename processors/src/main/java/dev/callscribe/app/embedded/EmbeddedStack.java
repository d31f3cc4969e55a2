package dev.callscribe.app.embedded;

import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryFile;
import dev.callscribe.schemas.registry.server.RegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code callscribe run --embedded} serves besides the roles: a Kafka broker ({@link EmbeddedKafka}) and a
 * schema registry ({@link RegistryServer}, Confluent's REST API over an in-memory registry), both in this JVM, with
 * addresses other processes use: {@code publish}, {@code tail}, Kafka Connect workers, other {@code run}
 * processes, any Kafka client with a Confluent-compatible serde.
 *
 * <p>Data lives in one directory: the broker's log under {@code kafka/}, the registry in {@code registry.json}
 * (saved after every change), and whatever its users put beside them ({@link #dataDirectory()}). A configured
 * directory is kept, so the next start on it resumes with the same topics, offsets and schema ids; without one, a
 * fresh temporary directory is used and deleted on {@link #close()}.
 *
 * <p>Owns the broker, the registry server and a temporary directory until closed; close is idempotent.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final EmbeddedKafka broker;
    private final RegistryServer registry;
    private final String registryUrl;
    private final Path dataDirectory;
    private final boolean temporary;
    private boolean closed;

    private EmbeddedStack(EmbeddedKafka broker, RegistryServer registry, String registryUrl, Path dataDirectory,
            boolean temporary) {
        this.broker = broker;
        this.registry = registry;
        this.registryUrl = registryUrl;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    /**
     * Starts the broker, then the registry.
     *
     * @throws IllegalStateException when either cannot start (a port in use, say), after stopping what had started
     */
    public static EmbeddedStack start(EmbeddedSettings settings) {
        boolean temporary = settings.dataDir().isEmpty();
        Path directory = temporary ? temporaryDirectory() : settings.dataDir().get();
        EmbeddedKafka broker = null;
        try {
            broker = EmbeddedKafka.start(settings, directory.resolve("kafka"));
            RegistryFile file = new RegistryFile(directory.resolve("registry.json"));
            InMemorySchemaRegistry schemas = file.load();
            RegistryServer server = RegistryServer.start(schemas,
                    new InetSocketAddress(settings.bindAddress(), settings.registryPort()),
                    temporary ? () -> { } : () -> file.save(schemas));
            return new EmbeddedStack(broker, server, server.url(settings.reachableHost()), directory, temporary);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            if (temporary) {
                deleteQuietly(directory);
            }
            throw e;
        }
    }

    /** The broker's address, as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's address, as {@code schema.registry.url}. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The directory everything is kept in; users of the stack may keep their own state under it. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether the data directory is deleted on close (no directory was configured). */
    public boolean isTemporary() {
        return temporary;
    }

    /** Stops the registry, then the broker; deletes a temporary data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        registry.close();
        broker.close();
        if (temporary) {
            deleteQuietly(dataDirectory);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("callscribe-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded stack", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded stack's data in {}: {}", directory, e.toString());
        }
    }
}
