package dev.callscribe.schemas.registry;

import static dev.callscribe.schemas.registry.FakeRegistryServer.Response.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("registry.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", dir.resolve("registry.pem").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext(dir.resolve("server.p12"))));
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

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
