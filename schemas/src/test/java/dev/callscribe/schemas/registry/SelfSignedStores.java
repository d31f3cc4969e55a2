package dev.callscribe.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key and certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's keytool for a test: the
 * server's key store and a trust store holding its certificate, both PKCS12 under one password.
 *
 * @param keyStore   the server's key and certificate
 * @param trustStore the certificate, for clients
 * @param password   both stores' password
 */
public record SelfSignedStores(Path keyStore, Path trustStore, String password) {

    /** Makes both stores in {@code directory}. */
    public static SelfSignedStores create(Path directory, String password) throws IOException, InterruptedException {
        Path keyStore = directory.resolve("server.p12");
        Path certificate = directory.resolve("registry.pem");
        Path trustStore = directory.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keyStore.toString(),
                "-storepass", password, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new SelfSignedStores(keyStore, trustStore, password);
    }

    /** A server's TLS context presenting the key. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
