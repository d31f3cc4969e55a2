package dev.callscribe.it.deploy;

import static dev.callscribe.it.deploy.HelmRendering.CHART;
import static dev.callscribe.it.deploy.HelmRendering.DEFAULTS;
import static dev.callscribe.it.deploy.HelmRendering.EVERY_OPTION;
import static dev.callscribe.it.deploy.HelmRendering.RELEASE;
import static dev.callscribe.it.deploy.HelmRendering.SECURED_AUTOSCALED;
import static dev.callscribe.it.deploy.HelmRendering.container;
import static dev.callscribe.it.deploy.HelmRendering.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.app.Secrets;
import dev.callscribe.it.support.Helm;
import dev.callscribe.it.support.NodeTools.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials, TLS and the pods' security settings in the rendered chart: secrets reach the containers only from
 * Secrets, never through a ConfigMap or a literal value; the topics job gets its own copy; TLS stores are mounted
 * where the configuration points; every container runs as the image's non-root user on a read-only root.
 */
class HelmChartSecurityTest {

    /** The fake secrets of helm-secured-autoscaled.yaml. */
    private static final List<String> SECRET_VALUES = List.of("kafka-pa55word-for-tests",
            "registry-user:registry-pa55word-for-tests", "truststore-pa55word-for-tests");
    private static final String EXISTING_SECRET = "callscribe-kafka-credentials";

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("default values", DEFAULTS), Arguments.of("every option", EVERY_OPTION),
                Arguments.of("secured and autoscaled", SECURED_AUTOSCALED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldNeverPutSecretsInConfigMapsOrLiteralValues(String name, List<String> values) throws IOException {
        // Given the chart rendered with a set of values
        HelmRendering rendering = HelmRendering.of(values);

        for (JsonNode configMap : rendering.all("ConfigMap")) {
            // Then no ConfigMap holds a key callscribe treats as secret, nor any secret value
            configMap.path("data").properties().forEach(entry -> {
                if (entry.getKey().startsWith(EnvironmentVariables.PREFIX)) {
                    assertThat(Secrets.isSecret(EnvironmentVariables.configKey(entry.getKey())))
                            .as(entry.getKey()).isFalse();
                }
                assertThat(entry.getValue().asText()).doesNotContain(SECRET_VALUES);
            });
        }
        for (JsonNode workload : rendering.workloads()) {
            // and no container carries a secret as a literal value
            assertThat(container(workload).path("env").toString()).doesNotContain(SECRET_VALUES);
        }
    }

    @Test
    void shouldKeepCredentialsGivenAsValuesInTheChartsSecret() throws IOException {
        // Given credentials given as values
        HelmRendering rendering = HelmRendering.of(SECURED_AUTOSCALED);
        JsonNode secret = rendering.get("Secret", "callscribe-credentials");

        // Then the chart's Secret holds them, under the documented key names
        assertThat(decoded(secret, "kafka-username")).isEqualTo("svc-callscribe");
        assertThat(decoded(secret, "kafka-password")).isEqualTo("kafka-pa55word-for-tests");
        assertThat(decoded(secret, "registry-user-info")).isEqualTo("registry-user:registry-pa55word-for-tests");
        assertThat(decoded(secret, "truststore-password")).isEqualTo("truststore-pa55word-for-tests");
        // and the roles read them from it, with sasl.jaas.config assembled by the kubelet from the two SASL ones
        Map<String, JsonNode> env = env(container(rendering.get("StatefulSet", "callscribe-segmenter")));
        assertThat(env.get("CALLSCRIBE_BASIC_AUTH_USER_INFO").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("callscribe-credentials");
        assertThat(env.get("CALLSCRIBE_SASL_JAAS_CONFIG").path("value").asText()).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"$(KAFKA_SASL_USERNAME)\" password=\"$(KAFKA_SASL_PASSWORD)\";");
        assertThat(List.copyOf(env.keySet()).indexOf("KAFKA_SASL_PASSWORD"))
                .isLessThan(List.copyOf(env.keySet()).indexOf("CALLSCRIBE_SASL_JAAS_CONFIG"));
    }

    @Test
    void shouldTakeEveryCredentialFromTheExistingSecret() throws IOException {
        // Given an existing Secret with key names of its own
        HelmRendering rendering = HelmRendering.of(EVERY_OPTION);

        // Then the chart creates no Secret, and every credential of every workload comes from the existing one
        assertThat(rendering.all("Secret")).isEmpty();
        for (JsonNode workload : rendering.workloads()) {
            List<String> references = HelmRendering.elements(container(workload).path("env"))
                    .map(entry -> entry.at("/valueFrom/secretKeyRef"))
                    .filter(ref -> !ref.isMissingNode())
                    .map(ref -> ref.path("name").asText() + "/" + ref.path("key").asText())
                    .toList();
            assertThat(references).as(workload.at("/metadata/name").asText()).containsExactlyInAnyOrder(
                    EXISTING_SECRET + "/user", EXISTING_SECRET + "/pass", EXISTING_SECRET + "/registry",
                    EXISTING_SECRET + "/trust", EXISTING_SECRET + "/trust", EXISTING_SECRET + "/key");
        }
    }

    @Test
    void shouldGiveTheTopicsJobItsOwnCopyOfTheCredentials() throws IOException {
        // Given credentials given as values: the hook runs before the release's own Secret exists
        HelmRendering rendering = HelmRendering.of(SECURED_AUTOSCALED);
        JsonNode job = rendering.get("Job", "callscribe-topics");
        JsonNode copy = rendering.get("Secret", "callscribe-topics-credentials");

        // Then the job reads a hook Secret made before it, holding the same credentials
        assertThat(copy.path("data")).isEqualTo(rendering.get("Secret", "callscribe-credentials").path("data"));
        assertThat(copy.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("pre-install,pre-upgrade");
        assertThat(copy.at("/metadata/annotations/helm.sh~1hook-weight").asInt())
                .isLessThan(job.at("/metadata/annotations/helm.sh~1hook-weight").asInt());
        assertThat(env(container(job)).get("KAFKA_SASL_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("callscribe-topics-credentials");
    }

    @Test
    void shouldMountTheTlsStoresWhereTheConfigurationPointsTo() throws IOException {
        // Given a trust store and a key store in a Secret
        HelmRendering rendering = HelmRendering.of(EVERY_OPTION);
        JsonNode config = rendering.get("ConfigMap", "callscribe-config").path("data");

        // Then the clients and the registry client are pointed at files under /etc/callscribe/tls
        assertThat(config.path("CALLSCRIBE_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(config.path("CALLSCRIBE_SSL_TRUSTSTORE_LOCATION").asText()).isEqualTo("/etc/callscribe/tls/ca.p12");
        assertThat(config.path("CALLSCRIBE_SSL_KEYSTORE_LOCATION").asText())
                .isEqualTo("/etc/callscribe/tls/client.p12");
        assertThat(config.path("CALLSCRIBE_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION").asText())
                .isEqualTo("/etc/callscribe/tls/ca.p12");
        for (JsonNode workload : rendering.workloads()) {
            // which every workload mounts, read-only, from that Secret
            String name = workload.at("/metadata/name").asText();
            assertThat(container(workload).path("volumeMounts").toString()).as(name)
                    .contains("{\"name\":\"tls\",\"mountPath\":\"/etc/callscribe/tls\",\"readOnly\":true}");
            assertThat(workload.at("/spec/template/spec/volumes").toString()).as(name)
                    .contains("{\"name\":\"tls\",\"secret\":{\"secretName\":\"kafka-client-tls\"}}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldRunEveryContainerAsTheImagesUserOnAReadOnlyRoot(String name, List<String> values) throws IOException {
        // Given the chart rendered with a set of values
        HelmRendering rendering = HelmRendering.of(values);

        for (JsonNode workload : rendering.workloads()) {
            String workloadName = workload.at("/metadata/name").asText();
            JsonNode pod = workload.at("/spec/template/spec");
            JsonNode container = container(workload);
            // Then pods run as uid and gid 10001, non-root, under the runtime's seccomp profile, with no API token
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(workloadName).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(workloadName).isEqualTo(10001);
            assertThat(pod.at("/securityContext/runAsGroup").asInt()).as(workloadName).isEqualTo(10001);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(workloadName).isFalse();
            // and containers keep no capability, cannot escalate, and write only to volumes, /tmp among them
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(container.path("volumeMounts").toString()).as(workloadName)
                    .contains("{\"name\":\"tmp\",\"mountPath\":\"/tmp\"}");
        }
    }

    @Test
    void shouldRefuseASecretGivenAsPlainConfiguration() throws IOException {
        // Given a SASL configuration and a key password given in the clear
        Result jaas = Helm.installed().template(CHART, RELEASE, "--set", "config.sasl\\.jaas\\.config=x");
        Result keyPassword = Helm.installed().template(CHART, RELEASE,
                "--set", "transcriber.config.ssl\\.key\\.password=x");

        // Then the chart refuses both, naming the key
        assertThat(jaas.succeeded()).isFalse();
        assertThat(jaas.stderr()).contains("sasl.jaas.config is a secret");
        assertThat(keyPassword.succeeded()).isFalse();
        assertThat(keyPassword.stderr()).contains("transcriber.config: ssl.key.password is a secret");
    }

    @Test
    void shouldRequireTheCredentialsSaslNeeds() throws IOException {
        // Given SASL without credentials or an existing Secret
        Result result = Helm.installed().template(CHART, RELEASE, "--set", "kafka.securityProtocol=SASL_SSL");

        // Then the chart refuses it, naming the missing value
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).contains("secrets.kafkaUsername is required");
    }

    private static String decoded(JsonNode secret, String key) {
        assertThat(secret.path("data").has(key)).as(key).isTrue();
        return new String(Base64.getDecoder().decode(secret.path("data").path(key).asText()), StandardCharsets.UTF_8);
    }
}
