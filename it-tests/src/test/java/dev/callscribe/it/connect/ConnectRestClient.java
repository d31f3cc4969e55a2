package dev.callscribe.it.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parts of Kafka Connect's REST API the tests use, as a person or a deployment script would call them. Requests
 * that Connect answers with 409 (a rebalance in progress, common just after a worker starts) are sent again until
 * {@link #REQUEST_TIMEOUT} has passed; any other answer outside 2xx fails the test with the method, path, status
 * and body.
 */
public final class ConnectRestClient {

    /** How long one request, its 409 retries included, may take. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectRestClient(URI base) {
        this.base = base;
    }

    /** Creates the connector, or updates its configuration ({@code PUT /connectors/{name}/config}). */
    public void putConnector(String name, Map<String, String> config) {
        send("PUT", "/connectors/" + encode(name) + "/config", json(config));
    }

    /** The connector's status, or empty if the worker does not know it (yet). */
    public Optional<ConnectorStatus> status(String name) {
        HttpResponse<String> response = sendAllowing404("GET", "/connectors/" + encode(name) + "/status");
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(ConnectorStatus.of(parse(response)));
    }

    /** The connector's committed source offsets ({@code GET /connectors/{name}/offsets}), as Connect shows them. */
    public JsonNode offsets(String name) {
        return parse(send("GET", "/connectors/" + encode(name) + "/offsets", null));
    }

    /** The connector plugins the worker found ({@code GET /connector-plugins}): class, type and version each. */
    public JsonNode connectorPlugins() {
        return parse(send("GET", "/connector-plugins?connectorsOnly=true", null));
    }

    /** Deletes the connector; its offsets stay. */
    public void deleteConnector(String name) {
        send("DELETE", "/connectors/" + encode(name), null);
    }

    /** Whether {@code GET /health} answers 200: the worker has joined its group and serves requests. */
    public boolean isHealthy() {
        try {
            return http.send(request("GET", "/health", null), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpResponse<String> response = sendRetryingConflicts(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private HttpResponse<String> sendAllowing404(String method, String path) {
        HttpResponse<String> response = sendRetryingConflicts(method, path, null);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private HttpResponse<String> sendRetryingConflicts(String method, String path, String body) {
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        // Connect answers 409 while the worker group rebalances, and asks callers to try again.
        Await.until(method + " " + path + " is answered with something other than 409 (rebalancing)",
                REQUEST_TIMEOUT, () -> {
                    response.set(sendOnce(method, path, body));
                    return response.get().statusCode() != 409;
                });
        return response.get();
    }

    private HttpResponse<String> sendOnce(String method, String path, String body) {
        try {
            return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, publisher).build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
