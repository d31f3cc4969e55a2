package dev.callscribe.model.hub;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP requests of the Hub client, on {@link HttpClient}. Redirects are followed here rather than by the client
 * so that the token goes only to the Hub's own host (the endpoint's host and port), wherever a redirect leads: file
 * downloads are redirected to a CDN with signed URLs, which must not receive it. The token is never logged.
 *
 * <p>Thread-safe, as {@link HttpClient} is.
 */
final class HubHttp {

    private static final Logger LOG = LoggerFactory.getLogger(HubHttp.class);
    private static final int MAX_REDIRECTS = 10;
    private static final String USER_AGENT = "callscribe-hub-client (java.net.http)";

    private final HttpClient client;
    private final HubSettings settings;
    private final HubOptions options;

    HubHttp(HubSettings settings, HubOptions options) {
        this.settings = settings;
        this.options = options;
        this.client = HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** GETs a small body, following redirects. */
    HttpResponse<byte[]> getBytes(URI uri) throws IOException {
        return follow(uri, "GET", Map.of(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * GETs a body as a stream, following redirects; the caller must close the stream.
     *
     * @param fromByte where to start; above 0 sends {@code Range: bytes=fromByte-}
     */
    HttpResponse<InputStream> getStream(URI uri, long fromByte) throws IOException {
        Map<String, String> headers = fromByte > 0 ? Map.of("Range", "bytes=" + fromByte + "-") : Map.of();
        return follow(uri, "GET", headers, HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * HEADs a file's address, following redirects within the host: relative ones (a renamed repository), and
     * absolute ones to the same scheme, host and port (a mirror set with HF_ENDPOINT may answer so). A redirect that
     * carries the file's metadata ({@code X-Linked-Etag}, the Hub's answer for a large file stored on its CDN), or
     * that leads to another host, is returned as it is: its headers are what the caller reads.
     */
    HttpResponse<Void> headWithinHost(URI uri) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = send(request(current, "HEAD", Map.of()),
                HttpResponse.BodyHandlers.discarding());
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()
                || response.headers().firstValue("X-Linked-Etag").isPresent()) {
                return response;
            }
            URI next = current.resolve(location.get());
            if (!sameOrigin(current, next)) {
                return response;
            }
            current = next;
        }
        throw new IOException("More than " + MAX_REDIRECTS + " redirects from HEAD " + uri);
    }

    private static boolean sameOrigin(URI from, URI to) {
        return to.getScheme() != null && to.getScheme().equalsIgnoreCase(from.getScheme())
            && to.getRawAuthority() != null && to.getRawAuthority().equalsIgnoreCase(from.getRawAuthority());
    }

    private <T> HttpResponse<T> follow(URI uri, String method, Map<String, String> headers,
                                       HttpResponse.BodyHandler<T> handler) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<T> response = send(request(current, method, headers), handler);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            discard(response);
            current = current.resolve(location.get());
        }
        throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + method + " " + uri);
    }

    private HttpRequest request(URI uri, String method, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(options.requestTimeout())
            .header("User-Agent", USER_AGENT)
            // Sizes in the headers must be those of the file itself, not of a compressed transfer.
            .header("Accept-Encoding", "identity");
        headers.forEach(builder::header);
        if (settings.token().isPresent() && isHubHost(uri)) {
            builder.header("Authorization", "Bearer " + settings.token().get());
        }
        return builder.build();
    }

    private boolean isHubHost(URI uri) {
        String hub = settings.endpoint().getRawAuthority();
        return hub != null && hub.equalsIgnoreCase(uri.getRawAuthority());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        LOG.debug("{} {}", request.method(), request.uri());
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted during " + request.method() + " " + request.uri());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void discard(HttpResponse<?> response) throws IOException {
        if (response.body() instanceof Closeable body) {
            body.close();
        }
    }
}
