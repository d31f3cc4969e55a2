package dev.callscribe.it.security;

import dev.callscribe.testkit.Await;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A SASL_SSL listener named SECURE beside the test kit broker's own plaintext ones (which the broker keeps for its
 * controller and for the test's setup): TLS with a {@link TestCertificates} certificate, and SCRAM-SHA-512 logins
 * for one user, whose credentials the test creates through the plaintext listener. Clients reach it only with the
 * settings of {@link #clientSettings()}, as a production cluster asks of them.
 *
 * @param port         the listener's port on localhost
 * @param user         the SCRAM user
 * @param password     the user's password
 * @param certificates the listener's certificate and the clients' trust store
 */
record SecuredListener(int port, String user, String password, TestCertificates certificates) {

    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String NAME = "SECURE";
    private static final String PREFIX = "listener.name." + NAME.toLowerCase(java.util.Locale.ROOT) + ".";
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

    /** The broker settings that add the listener (the test kit's EXTERNAL and CONTROLLER keep their own ports). */
    Map<String, String> brokerSettings() {
        Map<String, String> broker = new LinkedHashMap<>();
        broker.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + NAME + "://localhost:" + port);
        broker.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + NAME + ":SASL_SSL");
        broker.put(PREFIX + "sasl.enabled.mechanisms", MECHANISM);
        broker.put(PREFIX + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        broker.put(PREFIX + "ssl.keystore.location", certificates.keystore().toString());
        broker.put(PREFIX + "ssl.keystore.password", certificates.password());
        broker.put(PREFIX + "ssl.keystore.type", TestCertificates.STORE_TYPE);
        return broker;
    }

    /** What a client needs to log in through the listener: Kafka's own names, as any Kafka client takes them. */
    Map<String, String> clientSettings() {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("bootstrap.servers", "localhost:" + port);
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", MECHANISM);
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        client.put("ssl.truststore.location", certificates.truststore().toString());
        client.put("ssl.truststore.password", certificates.password());
        client.put("ssl.truststore.type", TestCertificates.STORE_TYPE);
        return client;
    }

    /**
     * Creates the user's SCRAM credentials through {@code plainAdmin}, then waits until a client logs in through the
     * listener with them (the broker learns credentials from the metadata log, a moment after they are created).
     */
    void createUser(Admin plainAdmin) throws ExecutionException, InterruptedException, TimeoutException {
        plainAdmin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                .all().get(LOGIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Object> config = new LinkedHashMap<>(clientSettings());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin secured = Admin.create(config)) {
            Await.until(user + " logs in through the SASL_SSL listener on port " + port, LOGIN_TIMEOUT,
                    () -> loggedIn(secured));
        }
    }

    private static boolean loggedIn(Admin admin) {
        try {
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted logging in", e);
        }
    }
}
