package dev.callscribe.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.RegistryClientConfig;
import dev.callscribe.schemas.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API as clients meet it on the wire: paths, bodies, statuses and error codes. */
class RegistryServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema CALL = SchemaBuilder.record("Call").namespace("test").fields()
            .requiredString("callId").endRecord();
    private static final Schema CALL_WITH_AGENT = SchemaBuilder.record("Call").namespace("test").fields()
            .requiredString("callId").optionalString("agent").endRecord();
    private static final Schema CALL_WITH_REQUIRED_QUEUE = SchemaBuilder.record("Call").namespace("test").fields()
            .requiredString("callId").requiredString("queue").endRecord();

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AtomicInteger changes = new AtomicInteger();
    private RegistryServer server;

    @BeforeEach
    void serve() {
        server = RegistryServer.start(registry, new InetSocketAddress("127.0.0.1", 0), changes::incrementAndGet);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterAndServeASchemaAsConfluentsRegistryDoes() throws Exception {
        // When a schema is registered with the body Confluent's serializers send
        Answer registered = post("/subjects/calls-value/versions", "{\"schemaType\":\"AVRO\",\"references\":[],"
                + "\"schema\":" + quoted(CALL) + "}");

        // Then it has an id, and every way of reading it back agrees
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.json().get("id").asInt();
        assertThat(get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(CALL.toString());
        assertThat(get("/subjects").json().toString()).isEqualTo("[\"calls-value\"]");
        assertThat(get("/subjects/calls-value/versions").json().toString()).isEqualTo("[1]");
        JsonNode latest = get("/subjects/calls-value/versions/latest").json();
        assertThat(latest.get("subject").asText()).isEqualTo("calls-value");
        assertThat(latest.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(get("/subjects/calls-value/versions/1/schema").body())).isEqualTo(CALL);
        assertThat(get("/schemas/ids/" + id + "/versions").json().toString())
                .isEqualTo("[{\"subject\":\"calls-value\",\"version\":1}]");
        assertThat(post("/subjects/calls-value", "{\"schema\":" + quoted(CALL) + "}").json().get("version").asInt())
                .isEqualTo(1);
        assertThat(registered.contentType()).isEqualTo(RegistryServer.MEDIA_TYPE);
        assertThat(changes).hasValue(1);
    }

    @Test
    void shouldAnswerWithTheRestApisErrorCodes() throws Exception {
        post("/subjects/calls-value/versions", "{\"schema\":" + quoted(CALL) + "}");

        assertThat(get("/subjects/nothing/versions").errorCode()).isEqualTo(40401);
        assertThat(get("/subjects/calls-value/versions/7").errorCode()).isEqualTo(40402);
        assertThat(get("/schemas/ids/99").errorCode()).isEqualTo(40403);
        assertThat(post("/subjects/calls-value", "{\"schema\":" + quoted(CALL_WITH_AGENT) + "}").errorCode())
                .isEqualTo(40403);
        assertThat(get("/config/calls-value").errorCode()).isEqualTo(40408);
        assertThat(post("/subjects/calls-value/versions", "{\"schema\":\"{not avro\"}").errorCode()).isEqualTo(42201);
        assertThat(post("/subjects/calls-value/versions", "{\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}")
                .errorCode()).isEqualTo(42201);
        assertThat(get("/subjects/calls-value/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(put("/config", "{\"compatibility\":\"SOMETIMES\"}").errorCode()).isEqualTo(42203);
        assertThat(get("/no/such/path").status()).isEqualTo(404);
        assertThat(send("PATCH", "/subjects", "{}").status()).isEqualTo(405);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaUnderTheSubjectsLevel() throws Exception {
        // Given a subject with FULL compatibility
        post("/subjects/calls-value/versions", "{\"schema\":" + quoted(CALL) + "}");
        assertThat(put("/config/calls-value", "{\"compatibility\":\"FULL\"}").json().get("compatibility").asText())
                .isEqualTo("FULL");

        // When a schema adding a required field is checked and registered
        Answer check = post("/compatibility/subjects/calls-value/versions/latest?verbose=true",
                "{\"schema\":" + quoted(CALL_WITH_REQUIRED_QUEUE) + "}");
        Answer registration = post("/subjects/calls-value/versions",
                "{\"schema\":" + quoted(CALL_WITH_REQUIRED_QUEUE) + "}");

        // Then both say no, the check with its reasons; an optional field passes
        assertThat(check.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(check.json().get("messages")).isNotEmpty();
        assertThat(registration.status()).isEqualTo(409);
        assertThat(post("/compatibility/subjects/calls-value/versions", "{\"schema\":" + quoted(CALL_WITH_AGENT)
                + "}").json().get("is_compatible").asBoolean()).isTrue();
        assertThat(get("/config/calls-value").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(get("/config/other-value?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void shouldKeepAnEncodedSlashInsideTheSubjectName() throws Exception {
        post("/subjects/team%2Fcalls-value/versions", "{\"schema\":" + quoted(CALL) + "}");

        assertThat(registry.getSubjects()).containsExactly("team/calls-value");
        assertThat(get("/subjects/team%2Fcalls-value/versions/1").json().get("subject").asText())
                .isEqualTo("team/calls-value");
    }

    @Test
    void shouldServeCallscribesOwnRestClient() {
        // Given the project's REST client pointed at the server
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(new RegistryClientConfig(
                Map.of("schema.registry.url", server.url("127.0.0.1"))))) {
            // When it registers, evolves and configures a subject
            int first = client.register("calls-value", CALL);
            client.setCompatibility("calls-value", CompatibilityLevel.FULL);
            int second = client.register("calls-value", CALL_WITH_AGENT);

            // Then what it reads back is what the in-memory registry holds
            assertThat(client.getSchemaById(second)).isEqualTo(CALL_WITH_AGENT);
            assertThat(client.getVersions("calls-value")).containsExactly(1, 2);
            assertThat(client.getCompatibility("calls-value")).isEqualTo(CompatibilityLevel.FULL);
            assertThat(client.getCompatibility("other-value")).isEqualTo(CompatibilityLevel.BACKWARD);
            assertThat(client.testCompatibility("calls-value", CALL_WITH_REQUIRED_QUEUE).compatible()).isFalse();
            assertThat(registry.getVersion("calls-value", 1).id()).isEqualTo(first);
        }
    }

    @Test
    void shouldComeBackWithTheSameIdsFromItsFile(@TempDir Path directory) throws Exception {
        // Given a registry saved to a file after every change
        RegistryFile file = new RegistryFile(directory.resolve("registry.json"));
        InMemorySchemaRegistry saved = file.load();
        saved.register("a-value", CALL);
        saved.register("b-value", CALL_WITH_REQUIRED_QUEUE);
        saved.register("a-value", CALL_WITH_AGENT);
        saved.setCompatibility("a-value", CompatibilityLevel.FULL);
        saved.setGlobalCompatibility(CompatibilityLevel.NONE);
        saved.deleteSubject("b-value");
        file.save(saved);

        // When it is loaded again
        InMemorySchemaRegistry loaded = file.load();

        // Then ids, versions, levels and the deleted subject's schema are as they were
        assertThat(loaded.contents()).isEqualTo(saved.contents());
        assertThat(loaded.getSchemaById(2)).isEqualTo(CALL_WITH_REQUIRED_QUEUE);
        assertThat(loaded.register("c-value", CALL_WITH_REQUIRED_QUEUE)).isEqualTo(2);
        assertThat(loaded.register("c-value", SchemaBuilder.record("Other").fields().endRecord())).isEqualTo(4);
    }

    private record Answer(int status, String body, String contentType) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        int errorCode() throws IOException {
            return json().path("error_code").asInt(-1);
        }
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    private Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private Answer put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    private Answer send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("127.0.0.1") + path))
                .header("Content-Type", RegistryServer.MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String quoted(Schema schema) throws IOException {
        return JSON.writeValueAsString(schema.toString());
    }
}
