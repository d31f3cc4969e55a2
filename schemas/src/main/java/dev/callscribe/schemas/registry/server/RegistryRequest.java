package dev.callscribe.schemas.registry.server;

import java.util.List;
import java.util.Map;

/**
 * A request to the registry's REST API, as the routes see it.
 *
 * @param method     the HTTP method, upper case
 * @param path       the decoded path segments, without empty ones ({@code /subjects/a%2Fb/versions} is
 *                   {@code [subjects, a/b, versions]})
 * @param parameters the query parameters, decoded; the first value of each
 * @param body       the request body as text; empty when there is none
 */
record RegistryRequest(String method, List<String> path, Map<String, String> parameters, String body) {

    RegistryRequest {
        path = List.copyOf(path);
        parameters = Map.copyOf(parameters);
    }

    /** A query parameter read as a boolean flag ({@code ?verbose=true}); absent is false. */
    boolean flag(String name) {
        return Boolean.parseBoolean(parameters.getOrDefault(name, "false"));
    }
}
