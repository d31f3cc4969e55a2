package dev.callscribe.testkit;

import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema registry served over HTTP for the tests of one class, as {@code callscribe run --embedded} serves one:
 * an empty in-memory registry behind Confluent's REST API on a free loopback port, stopped after the last test. For
 * tests of the commands that run as processes of their own ({@code publish}, {@code tail}), which refuse a
 * {@code mock://} registry. Register it as a static field with {@code @RegisterExtension}.
 */
public final class RegistryServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private RegistryServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RegistryServer.start(registry, new InetSocketAddress("127.0.0.1", 0), () -> { });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The {@code schema.registry.url} of the server. */
    public String url() {
        if (server == null) {
            throw new IllegalStateException("register RegistryServerExtension with @RegisterExtension on a static "
                    + "field");
        }
        return server.url("127.0.0.1");
    }

    /** The registry the server serves, for checks behind the HTTP API. */
    public InMemorySchemaRegistry registry() {
        return registry;
    }
}
