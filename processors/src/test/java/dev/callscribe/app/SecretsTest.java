package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void shouldTreatKafkasPasswordTypedKeysAsSecret() {
        assertThat(Secrets.isSecret("sasl.jaas.config")).isTrue();
        assertThat(Secrets.isSecret("ssl.key.password")).isTrue();
        assertThat(Secrets.isSecret("ssl.keystore.key")).isTrue();
    }

    @Test
    void shouldTreatTheRegistryCredentialsAsSecret() {
        assertThat(Secrets.isSecret("basic.auth.user.info")).isTrue();
        assertThat(Secrets.isSecret("bearer.auth.token")).isTrue();
    }

    @Test
    void shouldTreatPrefixedSecretsAsSecret() {
        assertThat(Secrets.isSecret("producer.sasl.jaas.config")).isTrue();
        assertThat(Secrets.isSecret("main.consumer.ssl.keystore.key")).isTrue();
    }

    @Test
    void shouldTreatKeysNamingAPasswordOrSecretAsSecret() {
        assertThat(Secrets.isSecret("my.db.Password")).isTrue();
        assertThat(Secrets.isSecret("oauth.client.secret")).isTrue();
    }

    @Test
    void shouldShowOrdinaryKeys() {
        assertThat(Secrets.isSecret("bootstrap.servers")).isFalse();
        assertThat(Secrets.isSecret("basic.auth.credentials.source")).isFalse();
        assertThat(Secrets.isSecret("max.new.tokens")).isFalse();
        assertThat(Secrets.masked("security.protocol", "SASL_SSL")).isEqualTo("SASL_SSL");
    }

    @Test
    void shouldMaskCredentialsWrittenIntoAUrl() {
        assertThat(Secrets.masked("schema.registry.url", "https://user:pa55@registry:8081,http://other:8081"))
                .isEqualTo("https://" + Secrets.MASK + "@registry:8081,http://other:8081");
    }

    @Test
    void shouldNeverPrintASecretInTheEffectiveConfiguration() {
        // Given secrets from every source
        EffectiveConfig config = EffectiveConfig.merge(
                Map.of("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"jaas-pw\";"),
                Map.of("CALLSCRIBE_BASIC_AUTH_USER_INFO", "user:registry-pw"),
                Map.of("ssl.truststore.password", "trust-pw",
                        "schema.registry.url", "https://user:url-pw@registry:8081"));

        // When
        String description = config.describe();

        // Then
        assertThat(description)
                .doesNotContain("jaas-pw", "registry-pw", "trust-pw", "url-pw")
                .contains("  sasl.jaas.config = " + Secrets.MASK + " (file)")
                .contains("  basic.auth.user.info = " + Secrets.MASK + " (environment)")
                .contains("  ssl.truststore.password = " + Secrets.MASK + " (command line)");
    }
}
