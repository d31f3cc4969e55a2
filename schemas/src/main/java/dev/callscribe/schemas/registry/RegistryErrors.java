package dev.callscribe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/** Turns a registry's error answer ({@code {"error_code": 40403, "message": "..."}}) into the matching exception. */
final class RegistryErrors {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private RegistryErrors() {
    }

    static SchemaRegistryException fromResponse(String method, URI url, int status, String body, ObjectMapper json) {
        int errorCode = status;
        String reason = abbreviate(body);
        try {
            JsonNode error = json.readTree(body == null ? "" : body);
            if (error != null && error.has("error_code")) {
                errorCode = error.get("error_code").asInt(status);
                reason = error.path("message").asText(reason);
            }
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page, say): the raw body is the best reason there is.
        }
        String message = method + " " + url + " failed: HTTP " + status + " (error " + errorCode + "): " + reason;
        return switch (status) {
            case 404 -> new NotFoundException(message, errorCode);
            case 409 -> new IncompatibleSchemaException(message);
            case 401, 403 -> new SchemaRegistryException(message + ". Check "
                    + RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + " and "
                    + RegistryClientConfig.USER_INFO_CONFIG + ".", status, errorCode);
            default -> new SchemaRegistryException(message, status, errorCode);
        };
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
