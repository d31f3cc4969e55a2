package dev.callscribe.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.schemas.registry.IncompatibleSchemaException;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's routes: a method and a path pattern ({@code subjects/* /versions}, {@code *} standing for one
 * segment) to a handler. Finds the route of a request, runs it, and turns what it throws into the REST API's error
 * answers: 404 for an unknown path, 405 for a known path with another method.
 */
final class RegistryRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
    private static final String WILDCARD = "*";

    /** Handles a matched request; returns the answer's JSON body. */
    @FunctionalInterface
    interface Handler {
        JsonNode handle(RegistryCall call) throws IOException;
    }

    private record Route(String method, List<String> pattern, boolean changes, Handler handler) {

        /** The segments standing for the wildcards, if the path fits the pattern. */
        Optional<List<String>> match(List<String> path) {
            if (path.size() != pattern.size()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                if (pattern.get(i).equals(WILDCARD)) {
                    values.add(path.get(i));
                } else if (!pattern.get(i).equals(path.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(values);
        }
    }

    private final ObjectMapper json;
    private final List<Route> routes = new ArrayList<>();

    RegistryRoutes(ObjectMapper json) {
        this.json = json;
    }

    /** Adds a route that only reads the registry. */
    RegistryRoutes read(String method, String pattern, Handler handler) {
        return add(new Route(method, segments(pattern), false, handler));
    }

    /** Adds a route that changes the registry. */
    RegistryRoutes change(String method, String pattern, Handler handler) {
        return add(new Route(method, segments(pattern), true, handler));
    }

    /** Answers a request; {@code afterChange} runs after a route that changes the registry succeeded. */
    RegistryAnswer answer(RegistryRequest request, Runnable afterChange) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<List<String>> values = route.match(request.path());
            if (values.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return run(route, new RegistryCall(request, values.get()), afterChange);
            }
        }
        return pathKnown ? error(RegistryAnswer.METHOD_NOT_ALLOWED, RegistryAnswer.METHOD_NOT_ALLOWED,
                "HTTP 405 Method Not Allowed") : error(RegistryAnswer.NOT_FOUND, RegistryAnswer.NOT_FOUND,
                "HTTP 404 Not Found");
    }

    private RegistryAnswer run(Route route, RegistryCall call, Runnable afterChange) {
        try {
            JsonNode body = route.handler().handle(call);
            if (route.changes()) {
                afterChange.run();
            }
            return RegistryAnswer.ok(json.writeValueAsString(body));
        } catch (RegistryError e) {
            return error(e.status(), e.errorCode(), e.getMessage());
        } catch (IncompatibleSchemaException e) {
            return error(RegistryAnswer.CONFLICT, RegistryAnswer.CONFLICT, e.getMessage());
        } catch (SchemaRegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Registry request {} /{} failed: {}", call.request().method(),
                    String.join("/", call.request().path()), e.toString());
            return error(RegistryAnswer.SERVER_ERROR, RegistryAnswer.SERVER_ERROR, "Internal error: " + e);
        }
    }

    private RegistryAnswer error(int status, int errorCode, String message) {
        try {
            return new RegistryAnswer(status, json.writeValueAsString(json.createObjectNode()
                    .put("error_code", errorCode).put("message", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }

    private RegistryRoutes add(Route route) {
        routes.add(route);
        return this;
    }

    private static List<String> segments(String pattern) {
        return pattern.isEmpty() ? List.of() : List.of(pattern.split("/"));
    }
}
