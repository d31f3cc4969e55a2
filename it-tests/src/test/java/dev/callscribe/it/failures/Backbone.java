package dev.callscribe.it.failures;

import dev.callscribe.app.embedded.EmbeddedKafka;
import dev.callscribe.app.embedded.EmbeddedSettings;
import dev.callscribe.it.support.FreePorts;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The broker and the Schema Registry of the failure runs, in the test's JVM so that the test can take them away and
 * bring them back: the project's embedded KRaft broker, restarted on the same port and data, and the project's
 * registry server, stopped and started on the same port over the same schemas. The pipeline's processes are separate
 * JVMs and see what a restart or an outage of real servers looks like: refused connections, then the same servers.
 */
public final class Backbone implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final EmbeddedSettings settings;
    private final Path brokerData;
    private final InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
    private EmbeddedKafka broker;
    private RegistryServer registry;

    private Backbone(EmbeddedSettings settings, Path brokerData) {
        this.settings = settings;
        this.brokerData = brokerData;
    }

    /** Starts both servers on free ports, the broker keeping its data in {@code brokerData}. */
    public static Backbone start(Path brokerData) {
        EmbeddedSettings settings = new EmbeddedSettings(HOST, "", FreePorts.next(), FreePorts.next(),
                Optional.of(brokerData));
        Backbone backbone = new Backbone(settings, brokerData);
        backbone.startBroker();
        backbone.startRegistry();
        return backbone;
    }

    public String bootstrapServers() {
        return HOST + ":" + settings.kafkaPort();
    }

    public String registryUrl() {
        return "http://" + HOST + ":" + settings.registryPort();
    }

    /** Stops the broker (its clients see refused connections) until {@link #startBroker()}. */
    synchronized void stopBroker() {
        broker.close();
        broker = null;
    }

    /** Starts the broker on its port and data, and returns once it serves clients. */
    synchronized void startBroker() {
        broker = EmbeddedKafka.start(settings, brokerData);
    }

    /** Stops the registry (its clients see refused connections) until {@link #startRegistry()}. */
    synchronized void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** Serves the same schemas, under the same ids, on the same port again. */
    synchronized void startRegistry() {
        registry = RegistryServer.start(schemas, new InetSocketAddress(HOST, settings.registryPort()), () -> { });
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
