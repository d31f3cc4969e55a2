package dev.callscribe.it.registry;

import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The registry contract against the registry {@code callscribe run --embedded} serves over HTTP: what holds for
 * Apicurio holds for it too.
 */
class EmbeddedRegistryTest extends RegistryContractTests {

    private static RegistryServer server;

    @BeforeAll
    static void serve() {
        server = RegistryServer.start(new InMemorySchemaRegistry(), new InetSocketAddress("127.0.0.1", 0), () -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    String registryUrl() {
        return server.url("127.0.0.1");
    }
}
