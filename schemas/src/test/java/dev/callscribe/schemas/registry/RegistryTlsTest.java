package dev.callscribe.schemas.registry;

import static dev.callscribe.schemas.registry.FakeRegistryServer.Response.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https registry with a certificate made for the test by the JDK's keytool, trusted through a trust store. */
class RegistryTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static FakeRegistryServer registry;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        SelfSignedStores stores = SelfSignedStores.create(dir, PASSWORD);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(stores.serverContext()));
        registry = FakeRegistryServer.start(https);
        registry.on("GET", "/subjects", json(200, "[\"calls.audio-value\"]"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldTalkToAnHttpsRegistryTrustedThroughTheTrustStore() {
        Map<String, Object> config = baseConfig();
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, dir.resolve("trust.p12").toString());
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, PASSWORD);
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");

        List<String> subjects = new RestSchemaRegistryClient(new RegistryClientConfig(config)).getSubjects();

        assertThat(subjects).containsExactly("calls.audio-value");
    }

    @Test
    void shouldRefuseAnUntrustedCertificate() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(new RegistryClientConfig(baseConfig()));

        assertThatThrownBy(client::getSubjects)
                .isInstanceOf(RegistryUnavailableException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX path building failed");
    }

    @Test
    void shouldNameAMissingTrustStoreFile() {
        Map<String, Object> config = baseConfig();
        config.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, dir.resolve("absent.p12").toString());

        assertThatThrownBy(() -> new RestSchemaRegistryClient(new RegistryClientConfig(config)))
                .hasMessageContaining(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG)
                .hasMessageContaining("absent.p12");
    }

    private static Map<String, Object> baseConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.URL_CONFIG, registry.url());
        config.put(RegistryClientConfig.MAX_RETRIES_CONFIG, 0);
        return config;
    }
}
