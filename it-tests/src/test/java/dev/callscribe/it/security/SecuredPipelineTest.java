package dev.callscribe.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.connect.RecordingSourceConnector;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.it.connect.ConnectWorker;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.it.support.FreePorts;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.server.RegistryServer;
import dev.callscribe.schemas.registry.server.RegistryServerSecurity;
import dev.callscribe.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline on a secured cluster, as production runs it: the broker's clients must log in with SCRAM-SHA-512
 * over TLS (a SASL_SSL listener), and the schema registry answers only https requests with Basic credentials. Every
 * callscribe client gets the settings from one properties file ({@code --config}), in Kafka's and Confluent's own
 * key names: {@code topics create}, {@code run} (segmenter, transcriber and stitcher in one process), {@code
 * publish}, {@code tail} and {@code dead-letters list} each as a process of its own, and the Connect source plugin
 * in a Connect worker. A call published with {@code publish} and a recording picked up by the connector must both
 * come out as FINAL transcripts; and no secret may show in any process's output (its log, the effective
 * configuration it prints) or in {@code GET /metrics}.
 */
class SecuredPipelineTest {

    /** Distinctive, so that finding one anywhere can only mean it leaked. */
    private static final String KAFKA_PASSWORD = "kafka-pw-Q7xZ1c9R";
    private static final String REGISTRY_PASSWORD = "registry-pw-M4tK8v2P";
    private static final String STORE_PASSWORD = "store-pw-H3nW6b0L";
    private static final String REGISTRY_USER_INFO = "svc-callscribe:" + REGISTRY_PASSWORD;

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(300);
    private static final Pattern METRICS_LINE = Pattern.compile("Metrics at http://localhost:(\\d+)/metrics");
    private static final String PUBLISHED_CALL = "published-call";
    private static final String CONNECT_CALL = "connect-call";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Every process logs verbosely, as an operator chasing a problem would have it: Kafka's clients print their
     * whole configuration when they start, callscribe its debug lines.
     */
    private static final Map<String, String> VERBOSE_LOGGING = Map.of("JAVA_TOOL_OPTIONS",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info -Dorg.slf4j.simpleLogger.log.dev.callscribe=debug");

    private static final Path WORK = workDirectory();
    private static final SecuredListener LISTENER = new SecuredListener(FreePorts.next(), "callscribe",
            KAFKA_PASSWORD, TestCertificates.create(WORK, STORE_PASSWORD));

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension(LISTENER.brokerSettings());

    private static final InMemorySchemaRegistry SCHEMAS = new InMemorySchemaRegistry();
    private static final List<CallscribeProcess> PROCESSES = new ArrayList<>();
    private static RegistryServer registry;
    private static ConnectWorker connect;
    private static Path clientConfig;
    private static String metrics;
    private static final Map<String, Integer> EXIT_STATUS = new LinkedHashMap<>();

    @BeforeAll
    static void runTheSecuredPipeline() throws Exception {
        LISTENER.createUser(KAFKA.admin());
        registry = RegistryServer.start(SCHEMAS, new InetSocketAddress("127.0.0.1", 0), () -> { },
                RegistryServerSecurity.none().withTls(LISTENER.certificates().serverContext())
                        .withBasicAuth(REGISTRY_USER_INFO));
        clientConfig = writeProperties(WORK.resolve("client.properties"), clientSettings());

        EXIT_STATUS.put("topics", command("topics", "topics", "create", "--set", "topics.partitions=2",
                "--set", "topics.windows.partitions=2"));
        CallscribeProcess run = startRun();
        connect = ConnectWorker.start(connectWorkerConfig());
        connect.rest().putConnector("secured-recordings", connectorConfig(Files.createDirectory(
                WORK.resolve("connect-in"))));
        connect.awaitRunning("secured-recordings", 1);

        // Written under a hidden name and renamed when complete, as the connector asks of recorders
        Path hidden = Files.write(WORK.resolve("connect-in").resolve("." + CONNECT_CALL + ".wav"),
                SampleCall.wavBytes());
        Files.move(hidden, hidden.resolveSibling(CONNECT_CALL + ".wav"), StandardCopyOption.ATOMIC_MOVE);
        Path recording = Files.write(WORK.resolve("northwind.wav"), SampleCall.wavBytes());
        EXIT_STATUS.put("publish", command("publish", "publish", recording.toString(), "--call-id", PUBLISHED_CALL,
                "--no-progress"));
        EXIT_STATUS.put("tail", command("tail", "tail", "--from-beginning", "--max-calls", "2", "--json"));
        EXIT_STATUS.put("dead-letters", command("dead-letters", "dead-letters", "list"));
        metrics = scrapeMetrics(run);
    }

    @AfterAll
    static void stopEverything() {
        PROCESSES.forEach(CallscribeProcess::close);
        if (connect != null) {
            connect.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldSetUpTopicsAndSchemasThroughTheSecuredBrokerAndRegistry() {
        assertThat(EXIT_STATUS.get("topics")).as(outputOf("topics")).isZero();
        assertThat(KAFKA.topics()).contains("calls.audio", "calls.windows", "calls.transcripts", "calls.dead-letter");
        assertThat(SCHEMAS.getSubjects()).contains("calls.audio-value", "calls.transcripts-value");
    }

    @Test
    void shouldTranscribeACallPublishedWithThePublishCommand() {
        assertThat(EXIT_STATUS.get("publish")).as(outputOf("publish")).isZero();
        assertThat(EXIT_STATUS.get("tail")).as(outputOf("tail")).isZero();

        assertThat(combinedFinal(PUBLISHED_CALL).path("text").asText()).as(outputOf("tail")).isNotBlank();
    }

    @Test
    void shouldTranscribeARecordingPublishedByTheConnectSourcePlugin() {
        assertThat(EXIT_STATUS.get("tail")).as(outputOf("tail")).isZero();

        assertThat(combinedFinal(CONNECT_CALL).path("text").asText()).as(outputOf("tail")).isNotBlank();
    }

    @Test
    void shouldRefuseAClientWithAWrongPassword() {
        Map<String, Object> config = new HashMap<>(LISTENER.clientSettings());
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + LISTENER.user() + "\" password=\"a-guess\";");

        try (Admin guessing = Admin.create(config)) {
            assertThatThrownBy(() -> guessing.describeCluster().clusterId().get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldListDeadLettersThroughTheSecuredBrokerAndRegistry() {
        assertThat(EXIT_STATUS.get("dead-letters")).as(outputOf("dead-letters")).isZero();
        assertThat(outputOf("dead-letters")).contains("dead letters on calls.dead-letter matched");
    }

    @Test
    void shouldKeepEverySecretOutOfTheOutputTheConfigurationPrintoutAndTheMetrics() {
        List<String> secrets = List.of(KAFKA_PASSWORD, REGISTRY_PASSWORD, STORE_PASSWORD,
                Base64.getEncoder().encodeToString(REGISTRY_USER_INFO.getBytes(StandardCharsets.UTF_8)));

        // The printouts are there: callscribe's, each secret key named and its value masked wherever it came from,
        // and those of Kafka's clients
        String run = outputOf("run");
        assertThat(run).contains("ProducerConfig values", "ConsumerConfig values", "AdminClientConfig values",
                "sasl.jaas.config = [hidden]");
        assertThat(run).contains("sasl.jaas.config = [hidden] (file)", "ssl.truststore.password = [hidden] (file)",
                "schema.registry.ssl.truststore.password = [hidden] (file)",
                "basic.auth.user.info = [hidden] (environment)");
        assertThat(metrics).contains("callscribe_");
        for (CallscribeProcess process : PROCESSES) {
            assertThat(process.output()).as("output of %s", process).isNotEmpty().doesNotContain(secrets);
        }
        assertThat(metrics).as("GET /metrics").doesNotContain(secrets);
    }

    /** The tail's combined FINAL of a call (the transcript with no channel). */
    private static JsonNode combinedFinal(String callId) {
        return outputOf("tail").lines().filter(line -> line.startsWith("{")).map(SecuredPipelineTest::json)
                .filter(record -> "transcript".equals(record.path("type").asText())
                        && callId.equals(record.path("callId").asText())
                        && "FINAL".equals(record.path("kind").asText()) && record.path("channel").isNull())
                .findFirst().orElseThrow(() -> new AssertionError("no combined FINAL of " + callId));
    }

    /** Every client setting in one file, as users give them: Kafka's names, then Confluent's registry names. */
    private static Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>(LISTENER.clientSettings());
        settings.putAll(registrySettings());
        return settings;
    }

    private static Map<String, String> registrySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("schema.registry.url", registry.url("127.0.0.1"));
        settings.put("basic.auth.credentials.source", "USER_INFO");
        settings.put("basic.auth.user.info", REGISTRY_USER_INFO);
        settings.put("schema.registry.ssl.truststore.location", LISTENER.certificates().truststore().toString());
        settings.put("schema.registry.ssl.truststore.password", STORE_PASSWORD);
        settings.put("schema.registry.ssl.truststore.type", TestCertificates.STORE_TYPE);
        return settings;
    }

    /**
     * Starts {@code callscribe run} with every role, its registry credentials from the environment (the rest from
     * the file), and waits until it is ready.
     */
    private static CallscribeProcess startRun() {
        Path state = WORK.resolve("state");
        List<String> arguments = List.of("run", "--config", clientConfig.toString(),
                "--set", "metrics.port=0",
                "--set", "topics.partitions=2", "--set", "topics.windows.partitions=2",
                "--set", "segmenter.window.mode=chunked",
                "--set", "segmenter.state.dir=" + state.resolve("segmenter"),
                "--set", "stitcher.state.dir=" + state.resolve("stitcher"),
                "--set", "transcriber.model=" + FixtureModel.resourceDir("oracle"),
                "--set", "transcriber.engine.intra.op.threads=1");
        Map<String, String> environment = new HashMap<>(VERBOSE_LOGGING);
        environment.put("CALLSCRIBE_BASIC_AUTH_USER_INFO", REGISTRY_USER_INFO);
        CallscribeProcess run = started(CallscribeProcess.start("run", arguments, environment));
        int port = Integer.parseInt(run.awaitOutput(METRICS_LINE, COMMAND_TIMEOUT).group(1));
        run.awaitReady(port, COMMAND_TIMEOUT);
        return run;
    }

    /** Runs {@code callscribe ARGS... --config client.properties} to its end; returns its exit status. */
    private static int command(String name, String... arguments) {
        List<String> withConfig = new ArrayList<>(List.of(arguments));
        withConfig.addAll(List.of("--config", clientConfig.toString()));
        CallscribeProcess process = started(CallscribeProcess.start(name, withConfig, VERBOSE_LOGGING));
        return process.awaitExit(name.equals("tail") ? PIPELINE_TIMEOUT : COMMAND_TIMEOUT);
    }

    /**
     * A Connect worker on the secured listener: the worker's own clients take the settings as they are; the source
     * tasks' producers, the sink tasks' consumers and the admin clients take them again under their prefixes, as
     * Kafka Connect asks.
     */
    private static Map<String, String> connectWorkerConfig() {
        Map<String, String> worker = ConnectWorker.distributedConfig(LISTENER.clientSettings()
                .get("bootstrap.servers"), "secured-connect");
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            LISTENER.clientSettings().forEach((key, value) -> worker.put(prefix + key, value));
        }
        return worker;
    }

    /** The connector, with the registry's credentials and trust store beside its own keys. */
    private static Map<String, String> connectorConfig(Path directory) {
        Map<String, String> config = new HashMap<>(registrySettings());
        config.put("connector.class", RecordingSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("directory", directory.toString());
        config.put("file.min.age.ms", "0");
        config.put("poll.interval.ms", "200");
        return config;
    }

    private static String scrapeMetrics(CallscribeProcess run) throws IOException, InterruptedException {
        int port = Integer.parseInt(run.awaitOutput(METRICS_LINE, COMMAND_TIMEOUT).group(1));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /metrics of %s", run).isEqualTo(200);
        return response.body();
    }

    private static String outputOf(String name) {
        return PROCESSES.stream().filter(process -> process.toString().startsWith(name + " ")).findFirst()
                .map(CallscribeProcess::output).orElse("(" + name + " did not run)");
    }

    private static CallscribeProcess started(CallscribeProcess process) {
        PROCESSES.add(process);
        return process;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("tail printed a line that is not JSON: " + line, e);
        }
    }

    private static Path writeProperties(Path file, Map<String, String> settings) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "client settings of the secured pipeline test");
        }
        return file;
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "secured-pipeline-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the test's work directory under target", e);
        }
    }
}
