package dev.callscribe.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.CompatibilityResult;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.RegisteredSchema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry REST API over an {@link InMemorySchemaRegistry}: the part that Confluent's serdes,
 * callscribe's own, Apicurio's Confluent-compatible clients and Kafka Connect converters use. Subjects, their
 * versions, lookup and registration, schemas by id, compatibility checks, and the global and per-subject
 * compatibility configuration; the mode is always READWRITE. Avro only; schema references, contexts, metadata and
 * rule sets are refused or ignored, as the README says.
 *
 * <p>Answers are the REST API's: the same paths, JSON fields, HTTP statuses and error codes (40401 unknown subject,
 * 40402 unknown version, 40403 unknown schema, 40408 no subject-level configuration, 409 incompatible schema, 42201
 * invalid schema, 42202 invalid version, 42203 invalid compatibility level). Thread-safe.
 */
final class RegistryApi {

    private static final String AVRO = "AVRO";

    private final InMemorySchemaRegistry registry;
    private final Runnable afterChange;
    private final ObjectMapper json = new ObjectMapper();
    private final RegistryBodies bodies = new RegistryBodies(json);
    private final RegistryRoutes routes;

    /**
     * @param registry    the registry served
     * @param afterChange run after every request that changed the registry (to save it, say), before answering
     */
    RegistryApi(InMemorySchemaRegistry registry, Runnable afterChange) {
        this.registry = registry;
        this.afterChange = afterChange;
        this.routes = new RegistryRoutes(json)
                .read("GET", "", call -> json.createObjectNode())
                .read("GET", "subjects", call -> strings(registry.getSubjects()))
                .change("POST", "subjects/*/versions", this::register)
                .read("POST", "subjects/*", this::lookUp)
                .change("DELETE", "subjects/*", call -> numbers(registry.deleteSubject(call.value(0))))
                .read("GET", "subjects/*/versions", call -> numbers(registry.getVersions(call.value(0))))
                .read("GET", "subjects/*/versions/*", call -> described(version(call)))
                .read("GET", "subjects/*/versions/*/schema", call -> schemaJson(version(call)))
                .read("GET", "subjects/*/versions/*/referencedby", call -> json.createArrayNode())
                .read("GET", "schemas/types", call -> strings(List.of(AVRO)))
                .read("GET", "schemas/ids/*", this::schemaById)
                .read("GET", "schemas/ids/*/schema", call -> json.readTree(schemaOf(call).toString()))
                .read("GET", "schemas/ids/*/versions", this::versionsWithId)
                .read("GET", "schemas/ids/*/subjects", this::subjectsWithId)
                .read("POST", "compatibility/subjects/*/versions", this::checkAgainstAll)
                .read("POST", "compatibility/subjects/*/versions/*", this::checkAgainstOne)
                .read("GET", "config", call -> level("compatibilityLevel", registry.getGlobalCompatibility()))
                .change("PUT", "config", this::setGlobalLevel)
                .read("GET", "config/*", this::subjectLevel)
                .change("PUT", "config/*", this::setSubjectLevel)
                .change("DELETE", "config/*", this::clearSubjectLevel)
                .read("GET", "mode", call -> json.createObjectNode().put("mode", "READWRITE"))
                .read("GET", "mode/*", call -> json.createObjectNode().put("mode", "READWRITE"));
    }

    /** Answers one request; never throws. */
    RegistryAnswer answer(RegistryRequest request) {
        return routes.answer(request, afterChange);
    }

    private JsonNode register(RegistryCall call) {
        int id = registry.register(call.value(0), bodies.schema(call.request()));
        return json.createObjectNode().put("id", id);
    }

    private JsonNode lookUp(RegistryCall call) {
        String subject = call.value(0);
        int id = registry.getId(subject, bodies.schema(call.request()));
        RegisteredSchema found = registry.versionsWithId(id).stream()
                .filter(version -> version.subject().equals(subject))
                .findFirst()
                .orElseThrow();
        return described(found);
    }

    private RegisteredSchema version(RegistryCall call) {
        String subject = call.value(0);
        return RegistryBodies.isLatest(call.value(1)) ? registry.getLatest(subject)
                : registry.getVersion(subject, RegistryBodies.version(call.value(1)));
    }

    private JsonNode schemaById(RegistryCall call) {
        return json.createObjectNode().put("schema", schemaOf(call).toString());
    }

    private Schema schemaOf(RegistryCall call) {
        return registry.getSchemaById(RegistryBodies.schemaId(call.value(0)));
    }

    private JsonNode versionsWithId(RegistryCall call) {
        ArrayNode versions = json.createArrayNode();
        for (RegisteredSchema version : registry.versionsWithId(existingId(call))) {
            versions.addObject().put("subject", version.subject()).put("version", version.version());
        }
        return versions;
    }

    private JsonNode subjectsWithId(RegistryCall call) {
        return strings(registry.versionsWithId(existingId(call)).stream().map(RegisteredSchema::subject).distinct()
                .toList());
    }

    /** An id given in the path, checked to exist (an unknown id is a 40403, as for the schema itself). */
    private int existingId(RegistryCall call) {
        int id = RegistryBodies.schemaId(call.value(0));
        registry.getSchemaById(id);
        return id;
    }

    private JsonNode checkAgainstAll(RegistryCall call) {
        String subject = call.value(0);
        registry.getVersions(subject); // an unknown subject is a 40401, as on Confluent's registry
        return compatibility(call, registry.testCompatibility(subject, bodies.schema(call.request())));
    }

    private JsonNode checkAgainstOne(RegistryCall call) {
        int version = version(call).version();
        return compatibility(call, registry.testCompatibility(call.value(0), bodies.schema(call.request()), version));
    }

    private JsonNode compatibility(RegistryCall call, CompatibilityResult result) {
        ObjectNode answer = json.createObjectNode().put("is_compatible", result.compatible());
        if (call.request().flag("verbose")) {
            answer.set("messages", strings(result.messages()));
        }
        return answer;
    }

    private JsonNode setGlobalLevel(RegistryCall call) {
        CompatibilityLevel level = bodies.compatibility(call.request());
        registry.setGlobalCompatibility(level);
        return level("compatibility", level);
    }

    private JsonNode subjectLevel(RegistryCall call) {
        String subject = call.value(0);
        CompatibilityLevel level = registry.ownCompatibility(subject)
                .or(() -> call.request().flag("defaultToGlobal")
                        ? Optional.of(registry.getGlobalCompatibility()) : Optional.empty())
                .orElseThrow(() -> RegistryError.noSubjectLevel(subject));
        return level("compatibilityLevel", level);
    }

    private JsonNode setSubjectLevel(RegistryCall call) {
        CompatibilityLevel level = bodies.compatibility(call.request());
        registry.setCompatibility(call.value(0), level);
        return level("compatibility", level);
    }

    private JsonNode clearSubjectLevel(RegistryCall call) {
        String subject = call.value(0);
        CompatibilityLevel removed = registry.clearCompatibility(subject)
                .orElseThrow(() -> RegistryError.noSubjectLevel(subject));
        return level("compatibilityLevel", removed);
    }

    private JsonNode described(RegisteredSchema version) {
        return json.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema().toString());
    }

    private JsonNode schemaJson(RegisteredSchema version) throws IOException {
        return json.readTree(version.schema().toString());
    }

    private ObjectNode level(String field, CompatibilityLevel level) {
        return json.createObjectNode().put(field, level.name());
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private ArrayNode numbers(List<Integer> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
