package dev.callscribe.app.embedded;

import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryFile;
import dev.callscribe.schemas.registry.server.RegistryServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What {@code callscribe run --embedded} serves besides the roles: a Kafka broker ({@link EmbeddedKafka}) and a
 * schema registry ({@link RegistryServer}, Confluent's REST API over an in-memory registry), both in this JVM, with
 * addresses other processes use: {@code publish}, {@code tail}, Kafka Connect workers, other {@code run}
 * processes, any Kafka client with a Confluent-compatible serde.
 *
 * <p>Data lives in one directory: the broker's log under {@code kafka/}, the registry in {@code registry.json}
 * (saved after every change), and whatever its users put beside them ({@link #dataDirectory()}). A configured
 * directory is kept, so the next start on it resumes with the same topics, offsets and schema ids; without one, a
 * fresh temporary directory is used and deleted on {@link #close()}, or, if the process is killed first, by the next
 * start of an embedded stack on the machine.
 *
 * <p>Owns the broker, the registry server and a temporary directory until closed; close is idempotent.
 */
public final class EmbeddedStack implements AutoCloseable {

    /**
     * The name of a temporary data directory, in the JVM's temporary directory ({@code java.io.tmpdir}); a start
     * removes those whose process died without deleting them ({@link OwnedTemporaryDirectory}).
     */
    public static final String TEMPORARY_PREFIX = "callscribe-embedded-";

    private final EmbeddedKafka broker;
    private final RegistryServer registry;
    private final String registryUrl;
    private final Path dataDirectory;
    /** The temporary data directory; null when the data directory was configured. */
    private final OwnedTemporaryDirectory temporary;
    private boolean closed;

    private EmbeddedStack(EmbeddedKafka broker, RegistryServer registry, String registryUrl, Path dataDirectory,
            OwnedTemporaryDirectory temporary) {
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
        OwnedTemporaryDirectory temporary = settings.dataDir().isEmpty()
                ? OwnedTemporaryDirectory.create(Path.of(System.getProperty("java.io.tmpdir")), TEMPORARY_PREFIX)
                : null;
        Path directory = temporary != null ? temporary.path() : settings.dataDir().get();
        EmbeddedKafka broker = null;
        try {
            broker = EmbeddedKafka.start(settings, directory.resolve("kafka"));
            RegistryFile file = new RegistryFile(directory.resolve("registry.json"));
            InMemorySchemaRegistry schemas = file.load();
            RegistryServer server = RegistryServer.start(schemas,
                    new InetSocketAddress(settings.bindAddress(), settings.registryPort()),
                    temporary != null ? () -> { } : () -> file.save(schemas));
            return new EmbeddedStack(broker, server, server.url(settings.reachableHost()), directory, temporary);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            if (temporary != null) {
                temporary.close();
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
        return temporary != null;
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
        if (temporary != null) {
            temporary.close();
        }
    }
}
