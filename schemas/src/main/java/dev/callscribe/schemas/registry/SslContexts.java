package dev.callscribe.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Builds the TLS context for https registry URLs from the {@code schema.registry.ssl.*} keys. */
final class SslContexts {

    private SslContexts() {
    }

    /** The JVM's default context unless a trust store or key store is configured. */
    static SSLContext fromConfig(RegistryClientConfig config) {
        String truststore = config.getString(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG);
        String keystore = config.getString(RegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG);
        try {
            if (truststore == null && keystore == null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(config, keystore), trustManagers(config, truststore), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the Schema Registry client: " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(RegistryClientConfig config, String location)
            throws GeneralSecurityException {
        if (location == null) {
            return null;
        }
        KeyStore store = load(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, location,
                config.getString(RegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG),
                config.getPassword(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(RegistryClientConfig config, String location)
            throws GeneralSecurityException {
        if (location == null) {
            return null;
        }
        Password storePassword = config.getPassword(RegistryClientConfig.SSL_KEYSTORE_PASSWORD_CONFIG);
        KeyStore store = load(RegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG, location,
                config.getString(RegistryClientConfig.SSL_KEYSTORE_TYPE_CONFIG), storePassword);
        Password keyPassword = config.getPassword(RegistryClientConfig.SSL_KEY_PASSWORD_CONFIG);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, chars(keyPassword != null ? keyPassword : storePassword));
        return factory.getKeyManagers();
    }

    private static KeyStore load(String key, String location, String type, Password password)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
            return store;
        } catch (IOException e) {
            throw new ConfigException(key, location, "cannot read the " + type + " store: " + e.getMessage());
        }
    }

    private static char[] chars(Password password) {
        return password == null ? null : password.value().toCharArray();
    }
}
