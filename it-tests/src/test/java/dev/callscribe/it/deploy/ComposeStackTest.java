package dev.callscribe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.callscribe.app.AppConfig;
import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.it.support.KnownConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, its overrides, the images' Dockerfiles, the Connect, Prometheus and Grafana files, checked
 * without Docker: {@code docker-compose config} where that program is installed, the files' consistency with each
 * other and with what callscribe reads, and ({@link RunningStack}) the callscribe services, the Connect worker and
 * the connectors run from these very files against a real broker, registry and PostgreSQL, a recording dropped into
 * the recordings folder ending as rows in PostgreSQL, and every metric the dashboard queries served by the processes.
 */
class ComposeStackTest {

    static final Path ROOT = ComposeFile.projectDirectory();
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path GPU = ROOT.resolve("compose.gpu.yml");
    static final Path CONFLUENT = ROOT.resolve("compose.confluent.yml");
    static final Path CPU_IMAGE = ROOT.resolve("deploy/docker/Dockerfile");
    static final Path CUDA_IMAGE = ROOT.resolve("deploy/docker/Dockerfile.cuda");
    static final Path CONNECT_IMAGE = ROOT.resolve("deploy/docker/Dockerfile.connect");
    static final Path DASHBOARD = ROOT.resolve("deploy/helm/callscribe/dashboards/callscribe.json");
    static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus/prometheus.yml");
    static final Path GRAFANA_DASHBOARDS = ROOT.resolve("deploy/grafana/provisioning/dashboards/callscribe.yml");

    /** Panels operators need, each with what its queries must contain. */
    static final Map<String, List<String>> REQUIRED_PANELS = requiredPanels();

    private static final String ENTRYPOINT = "[\"java\", \"-jar\", \"/opt/callscribe/callscribe.jar\"]";
    private static final Map<String, String> IMAGE_ENVIRONMENT = Map.of(
            "HF_HOME", "/var/cache/callscribe/huggingface",
            "CALLSCRIBE_SEGMENTER_STATE_DIR", "/var/lib/callscribe/state/segmenter",
            "CALLSCRIBE_STITCHER_STATE_DIR", "/var/lib/callscribe/state/stitcher",
            "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void shouldPassDockerComposesOwnValidationWithEachOverride() {
        // Given docker-compose, where it is installed (CI installs it and insists)
        Optional<Path> program = ComposeCommandLine.find();
        if (ComposeCommandLine.required()) {
            assertThat(program).as("docker-compose on the PATH (" + ComposeCommandLine.REQUIRE_ENV + "=true)")
                    .isPresent();
        }
        assumeTrue(program.isPresent(), "docker-compose is not installed (apt-get install docker-compose); set "
                + ComposeCommandLine.REQUIRE_ENV + "=true to fail instead of skipping");

        for (List<Path> files : List.of(List.of(COMPOSE), List.of(COMPOSE, GPU), List.of(COMPOSE, CONFLUENT))) {
            // When it validates and merges the files
            ComposeCommandLine.Result result = ComposeCommandLine.config(program.get(), ROOT,
                    files.stream().map(file -> ROOT.relativize(file).toString()).toList());

            // Then it accepts them
            assertThat(result.exitStatus()).as("docker-compose %s config -q:%n%s", files, result.output()).isZero();
        }
    }

    @Test
    void shouldSetOnlyConfigurationKeysCallscribeReads() {
        // Given every CALLSCRIBE_* variable the images and the callscribe services set, overrides included
        ComposeFile compose = ComposeFile.read(COMPOSE, Map.of());
        List<String> variables = new ArrayList<>();
        List<String> setKeys = new ArrayList<>();
        for (Path file : List.of(COMPOSE, GPU, CONFLUENT)) {
            for (ComposeService service : ComposeFile.read(file, Map.of()).services()) {
                if (compose.service(service.name()).runsCallscribe()) {
                    variables.addAll(service.environment().keySet());
                    setKeys.addAll(setOptions(service.command()));
                }
            }
        }
        variables.addAll(ComposeDockerfile.read(CPU_IMAGE).environment().keySet());
        variables.addAll(ComposeDockerfile.read(CUDA_IMAGE).environment().keySet());

        // Then each names a key callscribe reads: a misspelt one would be passed on and ignored
        assertThat(variables).filteredOn(name -> name.startsWith(EnvironmentVariables.PREFIX))
                .contains("CALLSCRIBE_BOOTSTRAP_SERVERS", "CALLSCRIBE_TRANSCRIBER_ENGINE_PROVIDER");
        assertThat(KnownConfigKeys.unknownVariables(variables)).as("unknown CALLSCRIBE_* variables").isEmpty();
        assertThat(KnownConfigKeys.unknownKeys(setKeys)).as("unknown keys in --set options").isEmpty();
    }

    @Test
    void shouldKeepTheImageContractInBothDockerfiles() {
        for (Path file : List.of(CPU_IMAGE, CUDA_IMAGE)) {
            // Given an image's Dockerfile
            ComposeDockerfile image = ComposeDockerfile.read(file);

            // Then its final stage runs callscribe as user 10001, with the variables and port the services rely on
            assertThat(image.entrypoint()).as("%s ENTRYPOINT", file).isEqualTo(ENTRYPOINT);
            assertThat(image.user()).as("%s USER", file).isEqualTo("10001:10001");
            assertThat(image.environment()).as("%s ENV", file).containsAllEntriesOf(IMAGE_ENVIRONMENT);
            assertThat(image.exposed()).as("%s EXPOSE", file)
                    .containsExactly(String.valueOf(AppConfig.DEFAULT_METRICS_PORT));
            assertThat(image.healthcheck()).as("%s HEALTHCHECK", file)
                    .contains("http://127.0.0.1:" + AppConfig.DEFAULT_METRICS_PORT + "/health");
        }
        // and the compose volumes sit where the image keeps its model cache and its Streams state
        ComposeFile compose = ComposeFile.read(COMPOSE, Map.of());
        assertThat(compose.service("transcriber").volumes()).anyMatch(volume -> volume.endsWith(":"
                + IMAGE_ENVIRONMENT.get("HF_HOME")));
        assertThat(compose.service("streams").volumes()).anyMatch(volume -> volume.endsWith(":"
                + Path.of(IMAGE_ENVIRONMENT.get("CALLSCRIBE_SEGMENTER_STATE_DIR")).getParent()));
    }

    @Test
    void shouldRunTheKafkaAndRegistryVersionsTheBuildTestsAgainst() throws IOException {
        // Given the versions the root pom pins: Kafka, and the Apicurio 3 line the serde is tested against
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String kafkaImage = "apache/kafka:" + pomProperty(pom, "kafka.version");
        String registryImage = "apicurio/apicurio-registry:" + pomProperty(pom, "apicurio3.version");

        // Then the broker, the Connect worker's base image and the registry are those
        ComposeFile compose = ComposeFile.read(COMPOSE, Map.of());
        assertThat(compose.service("kafka").image()).isEqualTo(kafkaImage);
        assertThat(ComposeDockerfile.read(CONNECT_IMAGE).arguments()).containsEntry("KAFKA_IMAGE", kafkaImage);
        assertThat(compose.service("registry").image()).isEqualTo(registryImage);
    }

    @Test
    void shouldShipADashboardWithThePanelsOperatorsNeed() throws IOException {
        // Given the dashboard JSON (it fails to parse if it is not JSON)
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Map<String, String> queriesByTitle = ComposeMetrics.queriesByPanelTitle(dashboard);

        // Then it has the panels operators need, each reading what its title promises
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(queriesByTitle).containsKeys(REQUIRED_PANELS.keySet().toArray(String[]::new));
        REQUIRED_PANELS.forEach((title, fragments) -> assertThat(queriesByTitle.get(title)).as(title)
                .contains(fragments));
        // and every panel queries a callscribe process's metrics through the dashboard's data source variable
        assertThat(queriesByTitle).allSatisfy((title, queries) -> assertThat(ComposeMetrics.queriedNames(queries))
                .as(title).isNotEmpty());
        assertThat(dashboard.at("/templating/list/0/name").asText()).isEqualTo("datasource");
    }

    @Test
    void shouldScrapeEveryCallscribeProcessWhereItServesMetrics() throws IOException {
        // Given Prometheus's scrape targets
        JsonNode prometheus = YAML.readTree(PROMETHEUS.toFile());
        Set<String> targets = new TreeSet<>();
        prometheus.path("scrape_configs").forEach(job -> {
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
            job.path("static_configs").forEach(config -> config.path("targets")
                    .forEach(target -> targets.add(target.asText())));
            job.path("dns_sd_configs").forEach(config -> config.path("names")
                    .forEach(name -> targets.add(name.asText() + ":" + config.path("port").asText())));
        });

        // Then every long-running callscribe service is scraped on its metrics port, and nothing else is
        ComposeFile compose = ComposeFile.read(COMPOSE, Map.of());
        List<String> expected = compose.callscribeServices().stream()
                .filter(service -> service.command().get(0).equals("run"))
                .map(service -> service.name() + ":" + service.environment().getOrDefault(
                        ComposeProcesses.METRICS_PORT_VARIABLE, String.valueOf(AppConfig.DEFAULT_METRICS_PORT)))
                .toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        // and the compose file mounts this configuration, the provisioning and the Helm chart's dashboard
        assertThat(compose.service("prometheus").hostPath("/etc/prometheus/prometheus.yml", ROOT))
                .isEqualTo(PROMETHEUS);
        String dashboardFolder = YAML.readTree(GRAFANA_DASHBOARDS.toFile()).at("/providers/0/options/path").asText();
        assertThat(compose.service("grafana").hostPath(dashboardFolder + "/callscribe.json", ROOT))
                .isEqualTo(DASHBOARD);
        assertThat(compose.service("grafana").hostPath("/etc/grafana/provisioning/dashboards/callscribe.yml", ROOT))
                .isEqualTo(GRAFANA_DASHBOARDS);
    }

    @Test
    void shouldPointTheConnectorsAtTheComposeRegistryAndDatabase() {
        // Given the connectors as the worker resolves them, with the connect service's environment
        ComposeFile compose = ComposeFile.read(COMPOSE, Map.of());
        ComposeService connect = compose.service("connect");
        Map<String, String> postgres = compose.service("postgres").environment();
        Map<String, Map<String, String>> connectors = ComposeConnect.connectors(
                connect.hostPath("/etc/callscribe/connect/connectors", ROOT));
        assertThat(connectors).containsOnlyKeys("recordings-in", "transcripts-postgres");
        Map<String, String> source = ComposeConnect.resolveEnvironment(connectors.get("recordings-in"),
                connect.environment());
        Map<String, String> sink = ComposeConnect.resolveEnvironment(connectors.get("transcripts-postgres"),
                connect.environment());

        // Then both use the registry the callscribe services use, the source watches the mounted recordings
        String registry = compose.service("streams").environment().get("CALLSCRIBE_SCHEMA_REGISTRY_URL");
        assertThat(source).containsEntry("schema.registry.url", registry)
                .containsEntry("directory", connect.mountTarget("./recordings"));
        // and the sink logs in to the postgres service's database as its user
        assertThat(sink).containsEntry("schema.registry.url", registry)
                .containsEntry("connection.url", "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"))
                .containsEntry("connection.user", postgres.get("POSTGRES_USER"))
                .containsEntry("connection.password", postgres.get("POSTGRES_PASSWORD"));
    }

    private static String pomProperty(String pom, String name) {
        Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(property.find()).as("property %s in the root pom.xml", name).isTrue();
        return property.group(1).trim();
    }

    /** The keys of {@code --set KEY=VALUE} options in a command. */
    private static List<String> setOptions(List<String> command) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String argument = command.get(i);
            String assignment = argument.startsWith("--set=") ? argument.substring("--set=".length())
                    : argument.equals("--set") && i + 1 < command.size() ? command.get(i + 1) : null;
            if (assignment != null) {
                keys.add(assignment.split("=", 2)[0]);
            }
        }
        return keys;
    }

    private static Map<String, List<String>> requiredPanels() {
        Map<String, List<String>> panels = new LinkedHashMap<>();
        panels.put("Audio in and transcribed",
                List.of("callscribe_audio_in_seconds_total", "callscribe_transcriber_audio_transcribed_seconds_total"));
        panels.put("Batch size", List.of("callscribe_transcriber_batch_size_windows_bucket"));
        panels.put("End-to-end latency",
                List.of("histogram_quantile(0.95", "callscribe_end_to_end_latency_seconds_bucket"));
        panels.put("Transcriber lag on calls.windows",
                List.of("kafka_consumer_fetch_manager_records_lag_max", "role=\"transcriber\""));
        panels.put("Streams lag", List.of("kafka_consumer_fetch_manager_records_lag_max", "segmenter", "stitcher"));
        panels.put("Dead letters by reason", List.of("callscribe_dead_letters_total", "reason"));
        return panels;
    }

    /**
     * The stack running from these files: a recording in, rows in PostgreSQL out, the dashboard's metrics served. Its
     * tests live in {@link ComposeRunningStack}; they need PostgreSQL, so they are skipped (or failed, in CI) without
     * it while the checks above still run.
     */
    @Nested
    class RunningStack extends ComposeRunningStack {
    }
}
