package dev.callscribe.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.RegistryClientConfig;
import dev.callscribe.schemas.registry.RestSchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import dev.callscribe.schemas.registry.SelfSignedStores;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry served over https with Basic authentication, as Confluent's clients meet a secured registry: with
 * the credentials of {@code basic.auth.user.info} and the server's certificate in a trust store they use it; without
 * the credentials, or with wrong ones, they get 401 and nothing of the registry.
 */
class RegistryServerSecurityTest {

    private static final String STORE_PASSWORD = "store-pa55-for-tests";
    private static final String USER_INFO = "svc-callscribe:registry-pa55-for-tests";
    private static final Schema CALL = SchemaBuilder.record("Call").namespace("test").fields()
            .requiredString("callId").endRecord();

    @TempDir
    static Path dir;

    private static final InMemorySchemaRegistry REGISTRY = new InMemorySchemaRegistry();
    private static RegistryServer server;

    @BeforeAll
    static void serveOverHttpsWithBasicAuth() throws Exception {
        SelfSignedStores stores = SelfSignedStores.create(dir, STORE_PASSWORD);
        RegistryServerSecurity security = RegistryServerSecurity.none().withTls(stores.serverContext())
                .withBasicAuth(USER_INFO);
        server = RegistryServer.start(REGISTRY, new InetSocketAddress("127.0.0.1", 0), () -> { }, security);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldServeAClientWithTheCredentialsOverHttps() {
        // Given a client that trusts the server's certificate and sends the credentials
        RestSchemaRegistryClient client = client(Map.of(
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG,
                RegistryClientConfig.BASIC_AUTH_SOURCE_USER_INFO,
                RegistryClientConfig.USER_INFO_CONFIG, USER_INFO));

        // When it registers a schema and reads it back
        int id = client.register("secured-value", CALL);

        // Then the registry has it
        assertThat(server.url("127.0.0.1")).startsWith("https://");
        assertThat(client.getSchemaById(id)).isEqualTo(CALL);
        assertThat(REGISTRY.getSubjects()).contains("secured-value");
    }

    @Test
    void shouldRefuseAClientWithoutCredentials() {
        RestSchemaRegistryClient client = client(Map.of());

        assertThatThrownBy(client::getSubjects).isInstanceOfSatisfying(SchemaRegistryException.class,
                refusal -> assertThat(refusal.httpStatus()).isEqualTo(401));
    }

    @Test
    void shouldRefuseAClientWithWrongCredentials() {
        RestSchemaRegistryClient client = client(Map.of(
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG,
                RegistryClientConfig.BASIC_AUTH_SOURCE_USER_INFO,
                RegistryClientConfig.USER_INFO_CONFIG, "svc-callscribe:a-guess"));

        assertThatThrownBy(() -> client.register("guessed-value", CALL))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        refusal -> assertThat(refusal.httpStatus()).isEqualTo(401));
        assertThat(REGISTRY.getSubjects()).doesNotContain("guessed-value");
    }

    @Test
    void shouldNeverShowThePasswordInItsDescription() {
        RegistryServerSecurity security = RegistryServerSecurity.none().withBasicAuth(USER_INFO);

        assertThat(security.toString()).contains("svc-callscribe").doesNotContain("registry-pa55-for-tests");
    }

    @Test
    void shouldRefuseCredentialsWithoutAUser() {
        assertThatThrownBy(() -> RegistryServerSecurity.none().withBasicAuth(":password-only"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("password-only");
    }

    private static RestSchemaRegistryClient client(Map<String, String> credentials) {
        Map<String, Object> config = new HashMap<>(credentials);
        config.put(RegistryClientConfig.URL_CONFIG, server.url("127.0.0.1"));
        config.put(RegistryClientConfig.MAX_RETRIES_CONFIG, 0);
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, dir.resolve("trust.p12").toString());
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, STORE_PASSWORD);
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        return new RestSchemaRegistryClient(new RegistryClientConfig(config));
    }
}
