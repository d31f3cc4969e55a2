package dev.callscribe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client for the Confluent Schema Registry REST API (also served by Apicurio's {@code /apis/ccompat/v7},
 * Karapace and Redpanda). Schemas by id and ids by subject and schema are cached, so each is fetched once; the other
 * calls always ask the registry. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;
    private final BoundedCache<Integer, Schema> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;

    /** A schema under a subject: the key of the id cache. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this(RegistryHttp.create(config), config.getInt(RegistryClientConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG));
    }

    RestSchemaRegistryClient(RegistryHttp http, int cacheCapacity) {
        this.http = http;
        this.schemasById = new BoundedCache<>(cacheCapacity);
        this.idsBySubjectSchema = new BoundedCache<>(cacheCapacity);
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.getOrLoad(new SubjectSchema(subject, schema), key -> registerOrFind(subject, schema));
    }

    /**
     * Registers; a refusal (409) is checked once by looking the schema up, because two clients registering the first
     * schema of a subject at the same moment can have the loser refused although the winner registered the very
     * same schema (seen with Apicurio's Confluent API: "an artifact with ID ... already exists").
     */
    private int registerOrFind(String subject, Schema schema) {
        try {
            return http.post(versionsPath(subject), schemaBody(schema)).path("id").asInt();
        } catch (IncompatibleSchemaException refused) {
            try {
                return http.post("/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
            } catch (NotFoundException notThere) {
                throw refused;
            }
        }
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsBySubjectSchema.getOrLoad(new SubjectSchema(subject, schema),
                key -> http.post("/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt());
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemasById.getOrLoad(id, this::fetchSchema);
    }

    private Schema fetchSchema(int id) {
        try {
            return parse(http.get("/schemas/ids/" + id).path("schema").asText(), "schema id " + id);
        } catch (NotFoundException e) {
            throw new NotFoundException("Schema id " + id + " is not in the registry at " + http.baseUrls() + " ("
                    + e.getMessage() + ")", e.errorCode());
        }
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return registered(subject, http.get(versionsPath(subject) + "/latest"));
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(subject, http.get(versionsPath(subject) + "/" + version));
    }

    @Override
    public List<Integer> getVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        http.get(versionsPath(subject)).forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    @Override
    public List<String> getSubjects() {
        List<String> subjects = new ArrayList<>();
        http.get("/subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = http.post("/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    schemaBody(schema));
        } catch (NotFoundException e) {
            return CompatibilityResult.ok(); // a subject with no versions accepts any schema
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(node -> messages.add(node.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        try {
            return compatibilityOf(http.get("/config/" + encode(subject)));
        } catch (NotFoundException e) {
            return getGlobalCompatibility(); // the subject has no level of its own
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.put("/config/" + encode(subject), compatibilityBody(level));
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return compatibilityOf(http.get("/config"));
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        http.put("/config", compatibilityBody(level));
    }

    @Override
    public List<Integer> deleteSubject(String subject) {
        List<Integer> versions = new ArrayList<>();
        http.delete("/subjects/" + encode(subject)).forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The JDK's HTTP client of Java 17 has nothing to close; connections end when idle. */
    @Override
    public void close() {
        // nothing held beyond the caches
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + http.baseUrls();
    }

    private RegisteredSchema registered(String subject, JsonNode node) {
        Schema schema = parse(node.path("schema").asText(), "subject " + subject);
        return new RegisteredSchema(node.path("subject").asText(subject), node.path("version").asInt(),
                node.path("id").asInt(), schema);
    }

    private ObjectNode schemaBody(Schema schema) {
        return http.json().createObjectNode().put("schema", schema.toString());
    }

    private ObjectNode compatibilityBody(CompatibilityLevel level) {
        return http.json().createObjectNode().put("compatibility", level.name());
    }

    /** Confluent answers {@code compatibilityLevel}; some registries answer {@code compatibility}. */
    private static CompatibilityLevel compatibilityOf(JsonNode node) {
        JsonNode level = node.has("compatibilityLevel") ? node.get("compatibilityLevel") : node.get("compatibility");
        if (level == null) {
            throw new SchemaRegistryException("Registry answered a config request without a compatibility level: "
                    + node, 200, SchemaRegistryException.UNKNOWN);
        }
        return CompatibilityLevel.parse(level.asText());
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("The registry's schema for " + what + " is not valid Avro: "
                    + e.getMessage(), 200, SchemaRegistryException.UNKNOWN, e);
        }
    }

    private static String versionsPath(String subject) {
        return "/subjects/" + encode(subject) + "/versions";
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
