package dev.callscribe.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Reads what clients send: schema bodies, compatibility bodies, versions and ids in paths. */
final class RegistryBodies {

    private static final String LATEST = "latest";
    private static final String LATEST_NUMBER = "-1";

    private final ObjectMapper json;

    RegistryBodies(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The schema of a registration, lookup or compatibility body: {@code {"schema": "<Avro JSON>"}}, with an
     * optional {@code schemaType} that must be AVRO and no {@code references}.
     *
     * @throws RegistryError 42201 for a missing, non-Avro or invalid schema, or one with references
     */
    Schema schema(RegistryRequest request) {
        JsonNode body = object(request);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.isEmpty() && !type.equals("AVRO")) {
            throw RegistryError.invalidSchema("Schema type " + type + " is not supported: this registry holds Avro "
                    + "schemas only");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("Schema references are not supported by this registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("The body has no \"schema\" string");
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    /**
     * The level of a config body, {@code {"compatibility": "FULL"}}.
     *
     * @throws RegistryError 42203 naming the valid levels
     */
    CompatibilityLevel compatibility(RegistryRequest request) {
        String level = object(request).path("compatibility").asText("");
        try {
            return CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new RegistryError(RegistryAnswer.UNPROCESSABLE, RegistryError.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level '" + level + "'. Valid values are "
                            + Arrays.toString(CompatibilityLevel.values()));
        }
    }

    /** Whether a version in a path means the latest one ({@code latest} or {@code -1}). */
    static boolean isLatest(String version) {
        return version.equals(LATEST) || version.equals(LATEST_NUMBER);
    }

    /**
     * A version number in a path.
     *
     * @throws RegistryError 42202 for anything but a positive integer
     */
    static int version(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegistryError(RegistryAnswer.UNPROCESSABLE, RegistryError.INVALID_VERSION, "The specified version '"
                + text + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \""
                + LATEST + "\"");
    }

    /**
     * A schema id in a path.
     *
     * @throws RegistryError 40403 when it is not a number, as for an unknown id
     */
    static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryError(RegistryAnswer.NOT_FOUND, RegistryError.SCHEMA_NOT_FOUND, "Schema " + text
                    + " not found");
        }
    }

    private JsonNode object(RegistryRequest request) {
        try {
            JsonNode body = json.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new RegistryError(RegistryAnswer.BAD_REQUEST, RegistryAnswer.BAD_REQUEST,
                        "The request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new RegistryError(RegistryAnswer.BAD_REQUEST, RegistryAnswer.BAD_REQUEST, "The request body is not "
                    + "JSON: " + e.getOriginalMessage());
        }
    }
}
