package dev.callscribe.schemas.registry;

import static dev.callscribe.schemas.registry.FakeRegistryServer.Response.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.schemas.SampleRecords;
import dev.callscribe.schemas.registry.FakeRegistryServer.Response;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema CALL = SampleRecords.callV1();
    private static final String SCHEMA_BODY = schemaJson(CALL);
    private static final String NOT_FOUND_42 = "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}";

    private FakeRegistryServer registry;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = FakeRegistryServer.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldRegisterBySendingTheSchemaTextAsJson() throws Exception {
        registry.on("POST", "/subjects/calls.audio-value/versions", json(200, "{\"id\":5}"));

        int id = client(config()).register("calls.audio-value", CALL);

        assertThat(id).isEqualTo(5);
        FakeRegistryServer.Request sent = registry.requests().get(0);
        assertThat(sent.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(sent.body()).get("schema").asText()).isEqualTo(CALL.toString());
    }

    @Test
    void shouldFetchEachSchemaIdOnlyOnce() {
        registry.on("GET", "/schemas/ids/5", json(200, SCHEMA_BODY));
        RestSchemaRegistryClient client = client(config());

        Schema first = client.getSchemaById(5);
        Schema second = client.getSchemaById(5);

        assertThat(first).isEqualTo(CALL).isSameAs(second);
        assertThat(registry.count("GET", "/schemas/ids/5")).isEqualTo(1);
    }

    @Test
    void shouldLookUpAnIdWithoutRegistering() {
        registry.on("POST", "/subjects/calls.audio-value",
                json(200, "{\"subject\":\"calls.audio-value\",\"id\":8,\"version\":2,\"schema\":"
                        + quoted(CALL.toString()) + "}"));

        assertThat(client(config()).getId("calls.audio-value", CALL)).isEqualTo(8);
        assertThat(registry.count("POST", "/subjects/calls.audio-value/versions")).isZero();
    }

    @Test
    void shouldNameTheRegistryAndTheIdWhenASchemaIsUnknown() {
        registry.on("GET", "/schemas/ids/42", json(404, NOT_FOUND_42));

        assertThatThrownBy(() -> client(config()).getSchemaById(42))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Schema id 42 is not in the registry at [" + registry.url() + "]")
                .extracting(e -> ((NotFoundException) e).errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldRetryServerErrorsAndThenSucceed() {
        registry.on("GET", "/schemas/ids/5", json(503, "busy"), json(500, "{}"), json(200, SCHEMA_BODY));

        assertThat(client(config()).getSchemaById(5)).isEqualTo(CALL);
        assertThat(registry.count("GET", "/schemas/ids/5")).isEqualTo(3);
    }

    @Test
    void shouldNotRetryClientErrors() {
        registry.on("POST", "/subjects/calls.audio-value/versions",
                json(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

        assertThatThrownBy(() -> client(config()).register("calls.audio-value", CALL))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 422 (error 42201): Invalid schema");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldGiveUpAfterTheConfiguredRetries() {
        registry.on("GET", "/subjects", json(500, "{\"error_code\":50001,\"message\":\"store down\"}"));

        assertThatThrownBy(() -> client(config(RegistryClientConfig.MAX_RETRIES_CONFIG, 2)).getSubjects())
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("unreachable at [" + registry.url() + "]")
                .hasMessageContaining("failed 3 time(s), last with HTTP 500");
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void shouldReportARegistryThatCannotBeReached() throws Exception {
        String deadUrl = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> client(configFor(deadUrl, RegistryClientConfig.MAX_RETRIES_CONFIG, 1)).getSubjects())
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("Schema Registry unreachable at [" + deadUrl + "]")
                .hasMessageContaining("failed 2 time(s), last with ConnectException")
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void shouldFailOverToTheNextRegistryUrl() throws Exception {
        registry.on("GET", "/subjects", json(200, "[\"calls.audio-value\"]"));
        String urls = "http://127.0.0.1:" + freePort() + "," + registry.url();

        assertThat(client(configFor(urls)).getSubjects()).containsExactly("calls.audio-value");
    }

    @Test
    void shouldTimeOutARegistryThatDoesNotAnswer() {
        CountDownLatch gate = new CountDownLatch(1);
        registry.on("GET", "/subjects", new Response(200, "[]", gate));
        try {
            assertThatThrownBy(() -> client(config(RegistryClientConfig.HTTP_READ_TIMEOUT_MS_CONFIG, 200,
                    RegistryClientConfig.MAX_RETRIES_CONFIG, 0)).getSubjects())
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasRootCauseInstanceOf(HttpTimeoutException.class);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void shouldSendBasicAuthFromUserInfoAndNeverShowThePassword() {
        registry.on("GET", "/subjects", json(500, "{}"));
        Map<String, Object> config = config(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, "USER_INFO",
                RegistryClientConfig.USER_INFO_CONFIG, "svc-callscribe:s3cret-pw",
                RegistryClientConfig.MAX_RETRIES_CONFIG, 0);

        assertThatThrownBy(() -> client(config).getSubjects()).message().doesNotContain("s3cret-pw");
        assertThat(registry.requests().get(0).header("Authorization")).isEqualTo(basic("svc-callscribe:s3cret-pw"));
        assertThat(new RegistryClientConfig(config).toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void shouldTakeCredentialsFromTheUrlAndKeepThemOutOfMessages() {
        registry.on("GET", "/subjects", json(503, "{}"));
        String url = registry.url().replace("http://", "http://svc:url-pw@");

        assertThatThrownBy(() -> client(configFor(url, RegistryClientConfig.MAX_RETRIES_CONFIG, 0)).getSubjects())
                .isInstanceOf(RegistryUnavailableException.class)
                .message().contains(registry.url()).doesNotContain("url-pw");
        assertThat(registry.requests().get(0).header("Authorization")).isEqualTo(basic("svc:url-pw"));
    }

    @Test
    void shouldExplainAuthenticationFailures() {
        registry.on("GET", "/subjects", json(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}"));

        assertThatThrownBy(() -> client(config()).getSubjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void shouldRequireUserInfoWhenThatIsTheCredentialsSource() {
        assertThatThrownBy(() -> client(config(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG,
                "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info is not set");
    }

    @Test
    void shouldReportAnIncompatibleRegistration() {
        registry.on("POST", "/subjects/calls.audio-value/versions", json(409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}"));

        assertThatThrownBy(() -> client(config()).register("calls.audio-value", CALL))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("incompatible with an earlier schema");
    }

    @Test
    void shouldTakeTheIdOfTheSameSchemaAnotherClientRegisteredFirst() {
        // Given a registry that refused the registration because another client's identical one won the race
        registry.on("POST", "/subjects/calls.audio-value/versions", json(409,
                "{\"error_code\":409,\"message\":\"An artifact with ID 'calls.audio-value' already exists.\"}"));
        registry.on("POST", "/subjects/calls.audio-value", json(200,
                "{\"subject\":\"calls.audio-value\",\"version\":1,\"id\":7,\"schema\":\"{}\"}"));

        // When / Then the subject holds the schema: its id is the answer
        assertThat(client(config()).register("calls.audio-value", CALL)).isEqualTo(7);
    }

    @Test
    void shouldReadCompatibilityAnswersAndFallBackToTheGlobalLevel() {
        registry.on("POST", "/compatibility/subjects/calls.audio-value/versions/latest?verbose=true",
                json(200, "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE\"]}"));
        registry.on("GET", "/config", json(200, "{\"compatibilityLevel\":\"FULL\"}"));
        RestSchemaRegistryClient client = client(config());

        CompatibilityResult result = client.testCompatibility("calls.audio-value", CALL);

        assertThat(result).isEqualTo(new CompatibilityResult(false, java.util.List.of(
                "READER_FIELD_MISSING_DEFAULT_VALUE")));
        assertThat(client.getCompatibility("calls.audio-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.testCompatibility("new-subject", CALL).compatible()).isTrue();
    }

    private RestSchemaRegistryClient client(Map<String, Object> config) {
        return new RestSchemaRegistryClient(new RegistryClientConfig(config));
    }

    private Map<String, Object> config(Object... keysAndValues) {
        return configFor(registry.url(), keysAndValues);
    }

    private static Map<String, Object> configFor(String url, Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.URL_CONFIG, url);
        config.put(RegistryClientConfig.RETRIES_WAIT_MS_CONFIG, 1);
        config.put(RegistryClientConfig.RETRIES_MAX_WAIT_MS_CONFIG, 5);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String schemaJson(Schema schema) {
        return "{\"schema\":" + quoted(schema.toString()) + "}";
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
