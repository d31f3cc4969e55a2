package dev.callscribe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to a Schema Registry's REST API: fails over between the configured URLs, retries connection
 * failures, timeouts and server errors with backoff, adds the Basic Auth header, and turns error answers into
 * {@link SchemaRegistryException}s that name the request. Thread-safe. Messages name URLs without their user info, so
 * credentials never reach a log.
 */
final class RegistryHttp {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private final List<URI> baseUrls;
    private final HttpClient client;
    private final Optional<String> authorization;
    private final RetryPolicy retry;
    private final Duration readTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger current = new AtomicInteger();

    RegistryHttp(RegistryEndpoints endpoints, HttpClient client, RetryPolicy retry, Duration readTimeout) {
        this.baseUrls = endpoints.baseUrls();
        this.authorization = endpoints.authorization();
        this.client = client;
        this.retry = retry;
        this.readTimeout = readTimeout;
    }

    static RegistryHttp create(RegistryClientConfig config) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.getInt(RegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS_CONFIG)))
                .sslContext(SslContexts.fromConfig(config))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Duration readTimeout = Duration.ofMillis(config.getInt(RegistryClientConfig.HTTP_READ_TIMEOUT_MS_CONFIG));
        return new RegistryHttp(RegistryEndpoints.fromConfig(config), client, config.retryPolicy(), readTimeout);
    }

    ObjectMapper json() {
        return json;
    }

    /** The base URLs, user info removed; for messages. */
    List<URI> baseUrls() {
        return baseUrls;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        String payload = body == null ? null : body.toString();
        Attempts attempts = new Attempts(method, path);
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(retry.waitBefore(attempt - 1), attempts);
            }
            URI url = nextUrl(path);
            try {
                HttpResponse<String> response = client.send(request(method, url, payload), BodyHandlers.ofString());
                if (isSuccess(response.statusCode())) {
                    return parse(response.body(), method, url);
                }
                if (!isRetriable(response.statusCode())) {
                    throw RegistryErrors.fromResponse(method, url, response.statusCode(), response.body(), json);
                }
                attempts.failed(url, "HTTP " + response.statusCode(), response.statusCode(), null);
            } catch (IOException e) {
                attempts.failed(url, describe(e), SchemaRegistryException.UNKNOWN, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw attempts.interrupted(e);
            }
        }
        throw attempts.exhausted(baseUrls);
    }

    private HttpRequest request(String method, URI url, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Accept", ACCEPT)
                .method(method, payload == null ? BodyPublishers.noBody() : BodyPublishers.ofString(payload));
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    /** Requests go round the URLs, so a retry after a failure goes to the next registry instance. */
    private URI nextUrl(String path) {
        String base = baseUrls.get(Math.floorMod(current.getAndIncrement(), baseUrls.size())).toString();
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private JsonNode parse(String body, String method, URI url) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + url + " answered with a body that is not JSON: "
                    + RegistryErrors.abbreviate(body), 200, SchemaRegistryException.UNKNOWN, e);
        }
    }

    private static void pause(Duration wait, Attempts attempts) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw attempts.interrupted(e);
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** Timeouts, throttling and server errors may pass; client errors will not. */
    private static boolean isRetriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The JDK's connection errors often have no message of their own; their cause says what happened. */
    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().toString();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The failures of one request across its attempts, for the log and the final exception. */
    private static final class Attempts {
        private final String method;
        private final String path;
        private int count;
        private String lastFailure = "";
        private int lastStatus = SchemaRegistryException.UNKNOWN;
        private Throwable lastCause;

        Attempts(String method, String path) {
            this.method = method;
            this.path = path;
        }

        void failed(URI url, String failure, int status, Throwable cause) {
            count++;
            lastFailure = failure;
            lastStatus = status;
            lastCause = cause;
            LOG.debug("Schema Registry request {} {} failed (attempt {}): {}", method, url, count, failure);
        }

        RegistryUnavailableException exhausted(List<URI> urls) {
            return new RegistryUnavailableException("Schema Registry unreachable at " + urls + ": " + method + " "
                    + path + " failed " + count + " time(s), last with " + lastFailure, lastStatus, lastCause);
        }

        RegistryUnavailableException interrupted(InterruptedException e) {
            return new RegistryUnavailableException("Interrupted during " + method + " " + path, lastStatus, e);
        }
    }
}
