package dev.callscribe.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.it.support.Helm;
import dev.callscribe.it.support.NodeTools;
import dev.callscribe.it.support.NodeTools.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The chart rendered by {@code helm template} with some values, every document checked by
 * {@code validate-manifests.mjs} (Kubernetes, KEDA and Prometheus-operator schemas, and fields no schema declares),
 * with lookups for assertions. Renderings are cached by their flags for the whole test JVM.
 */
final class HelmRendering {

    /** The chart under test. */
    static final Path CHART = NodeTools.moduleDirectory().resolve("../deploy/helm/callscribe").normalize();

    /** The release name; it contains the chart's name, so objects are named callscribe-transcriber and so on. */
    static final String RELEASE = "callscribe";

    /** The chart's default values file. */
    static final List<String> DEFAULTS = List.of();

    /** Every option the defaults leave off. */
    static final List<String> EVERY_OPTION = values("helm-every-option.yaml");

    /** KEDA-scaled GPU transcribers on a SASL_SSL cluster, with credentials in the chart's own Secret. */
    static final List<String> SECURED_AUTOSCALED = values("helm-secured-autoscaled.yaml");

    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<List<String>, HelmRendering> CACHE = new ConcurrentHashMap<>();

    private final List<JsonNode> documents;
    private final List<String> problems;

    private HelmRendering(List<JsonNode> documents, List<String> problems) {
        this.documents = documents;
        this.problems = problems;
    }

    /** Flags {@code -f <file>} for a values file under {@code src/test/resources/deploy}. */
    static List<String> values(String file) {
        return List.of("-f", resource(file).toString());
    }

    /** A file under {@code src/test/resources/deploy}. */
    static Path resource(String file) {
        return NodeTools.moduleDirectory().resolve("src/test/resources/deploy").resolve(file);
    }

    /**
     * The chart rendered with these flags and validated.
     *
     * @throws AssertionError when helm fails to render it, with helm's output
     */
    static HelmRendering of(List<String> flags) throws IOException {
        HelmRendering cached = CACHE.get(flags);
        if (cached == null) {
            cached = render(flags);
            CACHE.put(flags, cached);
        }
        return cached;
    }

    /** Validates a file of manifests as {@link #of} validates renderings. */
    static HelmRendering validate(Path manifests) throws IOException {
        String name = manifests.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path output = workDirectory().resolve(name + ".json");
        Files.deleteIfExists(output);
        Result result = NodeTools.installed().run(VALIDATION_TIMEOUT, "validate-manifests.mjs",
                manifests.toString(), output.toString());
        if (result.status() > 1 || !Files.exists(output) || Files.size(output) == 0) {
            throw new AssertionError("validate-manifests.mjs failed with status " + result.status() + ":\n"
                    + result.output());
        }
        JsonNode report = JSON.readTree(output.toFile());
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(problem -> problems.add(problem.asText()));
        return new HelmRendering(elements(report.path("documents")).toList(), List.copyOf(problems));
    }

    /** Every rendered document (hooks included), in helm's order. */
    List<JsonNode> documents() {
        return documents;
    }

    /** What the validator found wrong: schema violations and undeclared fields, each naming its document. */
    List<String> problems() {
        return problems;
    }

    /** The documents of one kind. */
    List<JsonNode> all(String kind) {
        return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
    }

    /** The document of this kind and name, if rendered. */
    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(document -> document.at("/metadata/name").asText().equals(name)).findFirst();
    }

    /** The document of this kind and name; fails the test when it was not rendered. */
    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered; have "
                + documents.stream().map(d -> d.path("kind").asText() + "/" + d.at("/metadata/name").asText())
                .toList()));
    }

    /** The workloads that run a pod template: Deployments, StatefulSets and Jobs. */
    List<JsonNode> workloads() {
        return Stream.of("Deployment", "StatefulSet", "Job").flatMap(kind -> all(kind).stream()).toList();
    }

    /** The first container of a workload's pod template. */
    static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    /** A container's env entries by name, in order. */
    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));
        return env;
    }

    /** Every environment variable name the rendering sets: ConfigMap keys and containers' env names. */
    List<String> environmentVariableNames() {
        Stream<String> configMapKeys = all("ConfigMap").stream()
                .flatMap(configMap -> configMap.path("data").properties().stream().map(Map.Entry::getKey))
                .filter(name -> name.startsWith("CALLSCRIBE_"));
        Stream<String> envNames = workloads().stream().flatMap(workload -> env(container(workload)).keySet().stream());
        return Stream.concat(configMapKeys, envNames).distinct().sorted().toList();
    }

    static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static HelmRendering render(List<String> flags) throws IOException {
        Result rendered = Helm.installed().template(CHART, RELEASE, flags.toArray(String[]::new));
        if (!rendered.succeeded()) {
            throw new AssertionError("helm template " + flags + " failed:\n" + rendered.output());
        }
        // Named by the flags, so each run overwrites its own files: target/helm-chart-test holds the last run's.
        String name = Integer.toHexString(String.join(" ", flags).hashCode());
        Path manifests = workDirectory().resolve("rendered-" + name + ".yaml");
        Files.writeString(manifests, rendered.stdout());
        return validate(manifests);
    }

    private static Path workDirectory() throws IOException {
        return Files.createDirectories(NodeTools.moduleDirectory().resolve("target/helm-chart-test"));
    }
}
