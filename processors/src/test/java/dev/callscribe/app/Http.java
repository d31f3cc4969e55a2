package dev.callscribe.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP requests against a local port, for the endpoint tests. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** GET {@code http://localhost:<port><path>}. */
    public static HttpResponse<String> get(int port, String path) {
        return send(port, path, HttpRequest.newBuilder().GET());
    }

    /** POST an empty body. */
    public static HttpResponse<String> post(int port, String path) {
        return send(port, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(int port, String path, HttpRequest.Builder builder) {
        HttpRequest request = builder.uri(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
