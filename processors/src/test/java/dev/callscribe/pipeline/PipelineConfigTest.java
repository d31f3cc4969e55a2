package dev.callscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the pipeline's configuration hands to Kafka clients and serdes: security settings pass, its own keys not. */
class PipelineConfigTest {

    private static final Map<String, String> SECURED = Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" "
                    + "password=\"p\";",
            "ssl.truststore.location", "/etc/callscribe/truststore.p12",
            "schema.registry.url", "https://registry:8081",
            "basic.auth.credentials.source", "USER_INFO",
            "basic.auth.user.info", "user:password",
            "schema.registry.ssl.truststore.location", "/etc/callscribe/truststore.p12",
            "topics.partitions", "24");

    @Test
    void shouldHandClientsAndSerdesEverySecuritySettingButNotThePipelinesOwnKeys() {
        Map<String, Object> client = new PipelineConfig(SECURED).clientAndSerdeConfig();

        assertThat(client).containsAllEntriesOf(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SECURED.get("sasl.jaas.config"),
                "ssl.truststore.location", "/etc/callscribe/truststore.p12",
                "schema.registry.url", "https://registry:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "user:password",
                "schema.registry.ssl.truststore.location", "/etc/callscribe/truststore.p12"));
        assertThat(client).doesNotContainKeys("topics.partitions", "topic.calls.audio");
    }

    @Test
    void shouldHandTheRolesClientsTheSecuritySettingsWithTheirOwnKeys() {
        Map<String, Object> client = new PipelineConfig(SECURED).clientConfig();

        assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", SECURED.get("sasl.jaas.config"))
                .containsEntry("bootstrap.servers", "kafka:9093");
    }
}
