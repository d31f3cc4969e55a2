package dev.callscribe.it.deploy;

import static dev.callscribe.it.deploy.HelmRendering.CHART;
import static dev.callscribe.it.deploy.HelmRendering.DEFAULTS;
import static dev.callscribe.it.deploy.HelmRendering.EVERY_OPTION;
import static dev.callscribe.it.deploy.HelmRendering.SECURED_AUTOSCALED;
import static dev.callscribe.it.deploy.HelmRendering.container;
import static dev.callscribe.it.deploy.HelmRendering.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callscribe.it.support.Helm;
import dev.callscribe.it.support.KnownConfigKeys;
import dev.callscribe.it.support.NodeTools.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart in {@code deploy/helm/callscribe}, checked without a cluster: {@code helm lint}, then
 * {@code helm template} with the default values and with values files that set every option, each rendered document
 * validated against the Kubernetes, KEDA and Prometheus-operator schemas (undeclared fields included), and what the
 * pipeline depends on asserted: GPUs and the CUDA image for transcribers, lag-based scaling over calls.windows, probes,
 * the topics job, the Streams roles' state, and configuration variables callscribe reads.
 */
class HelmChartTest {

    private static final String TRANSCRIBER = "callscribe-transcriber";
    private static final List<String> ROLES = List.of("segmenter", "transcriber", "stitcher");
    private static final int METRICS_PORT = 9400;
    private static final int DEFAULT_WINDOWS_PARTITIONS = 48;

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("default values", DEFAULTS), Arguments.of("every option", EVERY_OPTION),
                Arguments.of("secured and autoscaled", SECURED_AUTOSCALED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldPassHelmLintStrictly(String name, List<String> values) throws IOException {
        // Given the chart and a set of values
        List<String> flags = new ArrayList<>(List.of("--strict"));
        flags.addAll(values);

        // When helm lints it
        Result lint = Helm.installed().lint(CHART, flags.toArray(String[]::new));

        // Then it finds nothing to warn about
        assertThat(lint.succeeded()).as(lint.output()).isTrue();
        assertThat(lint.stdout()).contains("0 chart(s) failed").doesNotContain("[WARNING]", "[ERROR]");
    }

    @Test
    void shouldRefuseValuesItsSchemaDoesNotDeclare() throws IOException {
        // Given a misspelled value and a protocol the chart does not know
        Result misspelled = Helm.installed().template(CHART, HelmRendering.RELEASE, "--set", "transcriber.gpus=0");
        Result protocol = Helm.installed().template(CHART, HelmRendering.RELEASE,
                "--set", "kafka.securityProtocol=SASL");

        // Then values.schema.json refuses both, naming them
        assertThat(misspelled.succeeded()).isFalse();
        assertThat(misspelled.stderr()).contains("'gpus' not allowed");
        assertThat(protocol.succeeded()).isFalse();
        assertThat(protocol.stderr()).contains("/kafka/securityProtocol");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldRenderOnlyDocumentsTheSchemasAccept(String name, List<String> values) throws IOException {
        // Given the chart rendered with a set of values
        HelmRendering rendering = HelmRendering.of(values);

        // Then every document validates, with no field its schema does not declare
        assertThat(rendering.documents()).isNotEmpty();
        assertThat(rendering.problems()).isEmpty();
    }

    @Test
    void shouldReportFieldsTheSchemasDoNotDeclare() throws IOException {
        // Given manifests with a misspelled Kubernetes field, a field of the wrong type and a misspelled KEDA field
        HelmRendering invalid = HelmRendering.validate(HelmRendering.resource("helm-invalid-manifests.yaml"));

        // Then the validator reports each of them, by document and path
        assertThat(invalid.problems()).containsExactly(
                "Deployment/misspelled-field: unknown field data/spec/template/spec/containers/0/readinessProbe/"
                        + "periodSecond",
                "Job/wrong-type: data/spec/backoffLimit must be integer",
                "ScaledObject/misspelled-keda-field: unknown field data/spec/maxReplicas");
    }

    @Test
    void shouldGiveTheTranscriberAGpuTheCudaImageAndTheCudaProvider() throws IOException {
        // Given the default values
        JsonNode transcriber = HelmRendering.of(DEFAULTS).get("Deployment", TRANSCRIBER);
        JsonNode container = container(transcriber);

        // Then it requests one GPU in its limits, runs the CUDA image with the CUDA provider, tolerates GPU nodes
        assertThat(container.at("/resources/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
        assertThat(container.path("image").asText()).isEqualTo("callscribe:0.1.0-cuda");
        assertThat(value(env(container), "CALLSCRIBE_TRANSCRIBER_ENGINE_PROVIDER")).isEqualTo("CUDA");
        assertThat(transcriber.at("/spec/template/spec/tolerations").toString())
                .contains("\"key\":\"nvidia.com/gpu\"", "\"effect\":\"NoSchedule\"");
        assertThat(container.path("args").toString()).isEqualTo("[\"run\",\"--role\",\"transcriber\"]");
    }

    @Test
    void shouldRunTheTranscriberOnCpusWithTheCpuImageWhenNoGpuIsRequested() throws IOException {
        // Given values with transcriber.gpu.count 0
        JsonNode transcriber = HelmRendering.of(EVERY_OPTION).get("Deployment", TRANSCRIBER);
        JsonNode container = container(transcriber);

        // Then it requests no GPU, runs the CPU image with the CPU provider, and only the tolerations given
        assertThat(container.path("resources").toString()).doesNotContain("nvidia.com/gpu");
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/callscribe/callscribe:1.2.3");
        assertThat(value(env(container), "CALLSCRIBE_TRANSCRIBER_ENGINE_PROVIDER")).isEqualTo("CPU");
        assertThat(transcriber.at("/spec/template/spec/tolerations").toString()).doesNotContain("nvidia.com/gpu")
                .contains("example.com/dedicated");
        assertThat(transcriber.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(HelmRendering.of(EVERY_OPTION).all("ScaledObject")).isEmpty();
    }

    @Test
    void shouldScaleTheTranscriberOnItsGroupsLagOverCallsWindows() throws IOException {
        // Given the default values
        HelmRendering rendering = HelmRendering.of(DEFAULTS);
        JsonNode scaledObject = rendering.get("ScaledObject", TRANSCRIBER);
        JsonNode trigger = scaledObject.at("/spec/triggers/0");

        // Then KEDA scales the transcriber Deployment, which leaves its replica count to KEDA
        assertThat(scaledObject.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(scaledObject.at("/spec/scaleTargetRef/name").asText()).isEqualTo(TRANSCRIBER);
        assertThat(rendering.get("Deployment", TRANSCRIBER).at("/spec/replicas").isMissingNode()).isTrue();
        // on the lag of the transcribers' group over calls.windows, up to one transcriber per partition
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.at("/metadata/topic").asText()).isEqualTo("calls.windows");
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo("callscribe-transcriber");
        assertThat(trigger.at("/metadata/bootstrapServers").asText()).isEqualTo("kafka:9092");
        assertThat(trigger.at("/metadata/allowIdleConsumers").asText()).isEqualTo("false");
        assertThat(trigger.at("/metadata/lagThreshold").asText()).isEqualTo("50");
        assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).isEqualTo(DEFAULT_WINDOWS_PARTITIONS);
        assertThat(rendering.all("TriggerAuthentication")).isEmpty();
    }

    @Test
    void shouldFollowTheConfiguredPartitionsAndGroupWhenScaling() throws IOException {
        // Given values with 24 calls.windows partitions and another transcriber group
        JsonNode scaledObject = HelmRendering.of(SECURED_AUTOSCALED).get("ScaledObject", TRANSCRIBER);

        // Then the ScaledObject follows them
        assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).isEqualTo(24);
        assertThat(scaledObject.at("/spec/minReplicaCount").asInt()).isEqualTo(2);
        assertThat(scaledObject.at("/spec/triggers/0/metadata/consumerGroup").asText())
                .isEqualTo("callscribe-transcriber-eu");
        assertThat(scaledObject.at("/spec/triggers/0/metadata/lagThreshold").asText()).isEqualTo("20");
        assertThat(scaledObject.at("/spec/triggers/0/metadata/activationLagThreshold").asText()).isEqualTo("5");
    }

    @Test
    void shouldAuthenticateKedaWithTheCredentialsTheTranscriberUses() throws IOException {
        // Given a SASL_SSL cluster with SCRAM-SHA-512 and a PEM CA certificate for KEDA
        HelmRendering rendering = HelmRendering.of(SECURED_AUTOSCALED);
        JsonNode scaledObject = rendering.get("ScaledObject", TRANSCRIBER);
        JsonNode authentication = rendering.get("TriggerAuthentication", TRANSCRIBER);
        Map<String, JsonNode> env = env(container(rendering.get("Deployment", TRANSCRIBER)));

        // Then the trigger speaks SCRAM over TLS, with the user and password the transcriber reads
        assertThat(scaledObject.at("/spec/triggers/0/metadata/sasl").asText()).isEqualTo("scram_sha512");
        assertThat(scaledObject.at("/spec/triggers/0/metadata/tls").asText()).isEqualTo("enable");
        assertThat(scaledObject.at("/spec/triggers/0/authenticationRef/name").asText()).isEqualTo(TRANSCRIBER);
        assertThat(secretRef(authentication, "username")).isEqualTo(envSecretRef(env, "KAFKA_SASL_USERNAME"));
        assertThat(secretRef(authentication, "password")).isEqualTo(envSecretRef(env, "KAFKA_SASL_PASSWORD"));
        assertThat(secretRef(authentication, "ca")).isEqualTo("kafka-ca/ca.crt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldProbeHealthAndReadinessOnTheMetricsPort(String name, List<String> values) throws IOException {
        // Given the chart rendered with a set of values
        HelmRendering rendering = HelmRendering.of(values);

        for (String role : ROLES) {
            // Then each role's container serves metrics on 9400, is live while /health answers, ready on /ready
            JsonNode container = container(workload(rendering, role));
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("metrics");
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(METRICS_PORT);
            assertThat(probe(container, "startupProbe")).as(role).isEqualTo("/health:" + METRICS_PORT);
            assertThat(probe(container, "livenessProbe")).as(role).isEqualTo("/health:" + METRICS_PORT);
            assertThat(probe(container, "readinessProbe")).as(role).isEqualTo("/ready:" + METRICS_PORT);
            // and a Service named for the role exposes that port as metrics
            JsonNode service = rendering.get("Service", "callscribe-" + role);
            assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("metrics");
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(METRICS_PORT);
            assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText()).isEqualTo(role);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void shouldSetOnlyVariablesCallscribeReads(String name, List<String> values) throws IOException {
        // Given the environment variables of every ConfigMap and container
        List<String> names = HelmRendering.of(values).environmentVariableNames();

        // Then each CALLSCRIBE_ variable names a key that callscribe, its Kafka clients or its serdes read
        assertThat(names).contains("CALLSCRIBE_BOOTSTRAP_SERVERS", "CALLSCRIBE_SEGMENTER_STATE_DIR",
                "CALLSCRIBE_TRANSCRIBER_ENGINE_PROVIDER", "CALLSCRIBE_TRANSCRIBER_INSTANCE_ID");
        assertThat(KnownConfigKeys.unknownVariables(names)).isEmpty();
    }

    @Test
    void shouldWriteValuesAsCallscribeReadsThem() throws IOException {
        // Given values with a large whole number, a fraction, a list, a key with a dash, and a transcriber setting
        HelmRendering rendering = HelmRendering.of(EVERY_OPTION);
        JsonNode config = rendering.get("ConfigMap", "callscribe-config").path("data");

        // Then whole numbers stay whole (not 3.6e+06), lists are comma-separated, role settings go to that role
        assertThat(config.path("CALLSCRIBE_SEGMENTER_ENDED_CALL_RETENTION_MS").asText()).isEqualTo("3600000");
        assertThat(config.path("CALLSCRIBE_SEGMENTER_VAD_SPEECH_ON_SCORE").asText()).isEqualTo("0.55");
        assertThat(config.path("CALLSCRIBE_SEGMENTER_DEFAULT_SPEAKERS").asText()).isEqualTo("agent,customer");
        assertThat(config.path("CALLSCRIBE_PRODUCER_COMPRESSION_TYPE").asText()).isEqualTo("zstd");
        assertThat(config.path("CALLSCRIBE_TOPIC_CALLS_DEAD___LETTER").asText()).isEqualTo("callscribe.dead-letter");
        assertThat(value(env(container(rendering.get("Deployment", TRANSCRIBER))),
                "CALLSCRIBE_TRANSCRIBER_BATCH_MAX_SIZE")).isEqualTo("4");
        assertThat(env(container(rendering.get("StatefulSet", "callscribe-segmenter"))))
                .doesNotContainKey("CALLSCRIBE_TRANSCRIBER_BATCH_MAX_SIZE");
    }

    @Test
    void shouldCreateTopicsInAHookJobBeforeTheRolesStart() throws IOException {
        // Given the default values
        HelmRendering rendering = HelmRendering.of(DEFAULTS);
        JsonNode job = rendering.get("Job", "callscribe-topics");

        // Then a pre-install and pre-upgrade hook runs `topics create` with the roles' configuration
        assertThat(job.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("pre-install,pre-upgrade");
        assertThat(job.at("/metadata/annotations/helm.sh~1hook-weight").asText()).isEqualTo("0");
        assertThat(job.at("/metadata/annotations/helm.sh~1hook-delete-policy").asText())
                .isEqualTo("before-hook-creation,hook-succeeded");
        assertThat(container(job).path("args").toString()).isEqualTo("[\"topics\",\"create\"]");
        String jobConfig = container(job).at("/envFrom/0/configMapRef/name").asText();
        assertThat(rendering.get("ConfigMap", jobConfig).path("data"))
                .isEqualTo(rendering.get("ConfigMap", "callscribe-config").path("data"));
        assertThat(rendering.get("ConfigMap", jobConfig).at("/metadata/annotations/helm.sh~1hook-weight").asInt())
                .isLessThan(0);
        // and the roles create none themselves
        for (String role : ROLES) {
            assertThat(value(env(container(workload(rendering, role))), "CALLSCRIBE_TOPICS_CREATE")).as(role)
                    .isEqualTo("false");
        }
    }

    @Test
    void shouldLetTheRolesCreateTopicsWhenTheJobIsOff() throws IOException {
        // Given the topics job turned off
        HelmRendering rendering = HelmRendering.of(List.of("--set", "topicsJob.enabled=false"));

        // Then there is no job, and the roles keep callscribe's default, topics.create=true
        assertThat(rendering.all("Job")).isEmpty();
        for (String role : ROLES) {
            assertThat(env(container(workload(rendering, role)))).as(role)
                    .doesNotContainKey("CALLSCRIBE_TOPICS_CREATE");
        }
    }

    @Test
    void shouldKeepEachStreamsInstancesStateOnItsOwnVolume() throws IOException {
        // Given the default values
        HelmRendering rendering = HelmRendering.of(DEFAULTS);
        JsonNode config = rendering.get("ConfigMap", "callscribe-config").path("data");

        for (String role : List.of("segmenter", "stitcher")) {
            // Then each Streams role is a StatefulSet with a claim per pod, mounted where its state directory is
            JsonNode statefulSet = rendering.get("StatefulSet", "callscribe-" + role);
            JsonNode container = container(statefulSet);
            assertThat(statefulSet.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
            assertThat(container.path("volumeMounts").toString())
                    .contains("{\"name\":\"state\",\"mountPath\":\"/var/lib/callscribe/state\"}");
            assertThat(config.path("CALLSCRIBE_" + role.toUpperCase(Locale.ROOT) + "_STATE_DIR").asText())
                    .isEqualTo("/var/lib/callscribe/state/" + role);
            assertThat(container.path("args").toString()).isEqualTo("[\"run\",\"--role\",\"" + role + "\"]");
            // governed by its headless Service
            String serviceName = statefulSet.at("/spec/serviceName").asText();
            assertThat(rendering.get("Service", serviceName).at("/spec/clusterIP").asText()).isEqualTo("None");
        }
    }

    @Test
    void shouldLimitVoluntaryDisruptionsOfEveryRole() throws IOException {
        // Given the default values
        HelmRendering rendering = HelmRendering.of(DEFAULTS);

        for (String role : ROLES) {
            // Then a PodDisruptionBudget lets one pod of each role go at a time, selecting that role's pods
            JsonNode budget = rendering.get("PodDisruptionBudget", "callscribe-" + role);
            JsonNode podLabels = workload(rendering, role).at("/spec/template/metadata/labels");
            assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
            budget.at("/spec/selector/matchLabels").properties().forEach(label ->
                    assertThat(podLabels.path(label.getKey())).as(role).isEqualTo(label.getValue()));
        }
    }

    @Test
    void shouldGiveTheTranscriberTimeToCommitItsBatchInFlight() throws IOException {
        // Given the default termination grace period, and one shorter than transcriber.shutdown.grace.ms (30 s)
        JsonNode transcriber = HelmRendering.of(DEFAULTS).get("Deployment", TRANSCRIBER);
        Result tooShort = Helm.installed().template(CHART, HelmRendering.RELEASE,
                "--set", "transcriber.terminationGracePeriodSeconds=30");

        // Then the default outlasts the shutdown grace, and the chart refuses the shorter one, saying why
        assertThat(transcriber.at("/spec/template/spec/terminationGracePeriodSeconds").asLong() * 1000)
                .isGreaterThan(30_000);
        assertThat(tooShort.succeeded()).isFalse();
        assertThat(tooShort.stderr()).contains("transcriber.shutdown.grace.ms");
    }

    @Test
    void shouldCacheModelsOnTheGivenClaim() throws IOException {
        // Given a shared model cache claim, and the default
        JsonNode shared = HelmRendering.of(EVERY_OPTION).get("Deployment", TRANSCRIBER);
        JsonNode own = HelmRendering.of(DEFAULTS).get("Deployment", TRANSCRIBER);

        // Then HF_HOME's folder is that claim, or else an emptyDir
        assertThat(container(shared).path("volumeMounts").toString())
                .contains("{\"name\":\"model-cache\",\"mountPath\":\"/var/cache/callscribe/huggingface\"}");
        assertThat(volume(shared, "model-cache").at("/persistentVolumeClaim/claimName").asText())
                .isEqualTo("callscribe-model-cache");
        assertThat(volume(own, "model-cache").has("emptyDir")).isTrue();
        assertThat(value(env(container(shared)), "HF_HOME")).isEqualTo("/var/cache/callscribe/huggingface");
    }

    private static JsonNode workload(HelmRendering rendering, String role) {
        return rendering.get(role.equals("transcriber") ? "Deployment" : "StatefulSet", "callscribe-" + role);
    }

    private static String value(Map<String, JsonNode> env, String name) {
        assertThat(env).containsKey(name);
        return env.get(name).path("value").asText();
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + ":" + get.path("port").asText();
    }

    /** The Secret and key a TriggerAuthentication parameter comes from, as name/key. */
    private static String secretRef(JsonNode authentication, String parameter) {
        return HelmRendering.elements(authentication.at("/spec/secretTargetRef"))
                .filter(ref -> ref.path("parameter").asText().equals(parameter))
                .map(ref -> ref.path("name").asText() + "/" + ref.path("key").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no secretTargetRef for " + parameter));
    }

    /** The Secret and key an environment variable comes from, as name/key. */
    private static String envSecretRef(Map<String, JsonNode> env, String name) {
        assertThat(env).containsKey(name);
        JsonNode ref = env.get(name).at("/valueFrom/secretKeyRef");
        return ref.path("name").asText() + "/" + ref.path("key").asText();
    }

    private static JsonNode volume(JsonNode workload, String name) {
        return HelmRendering.elements(workload.at("/spec/template/spec/volumes"))
                .filter(volume -> volume.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
