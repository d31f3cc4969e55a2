package dev.callscribe.schemas.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An {@link InMemorySchemaRegistry} served over HTTP with the Confluent Schema Registry REST API (see
 * {@link RegistryApi} for the part served), so that other processes share it: {@code callscribe publish} and
 * {@code tail}, Kafka Connect workers, Confluent's serdes in any language. This is the registry of
 * {@code callscribe run --embedded}, which serves it without authentication on loopback unless told otherwise; a
 * {@link RegistryServerSecurity} adds TLS and HTTP Basic authentication.
 *
 * <p>Owns its socket and threads until {@link #close()}, which is idempotent.
 */
public final class RegistryServer implements AutoCloseable {

    /** The REST API's media type, which Confluent's clients send and expect. */
    public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final int SERVING_THREADS = 4;
    /** Schemas are small; a body this large is a mistake or an attack. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int UNAUTHORIZED = 401;
    private static final byte[] UNAUTHORIZED_BODY = "{\"error_code\":401,\"message\":\"Unauthorized\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RegistryApi api;
    private final RegistryServerSecurity security;
    private boolean closed;

    private RegistryServer(HttpServer server, ExecutorService executor, RegistryApi api,
            RegistryServerSecurity security) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.security = security;
    }

    /**
     * Starts serving {@code registry}.
     *
     * @param address     where to listen; port 0 picks a free one
     * @param afterChange run after each request that changed the registry, before its answer is sent (so a saved
     *                    copy is never behind what a client was told)
     * @throws UncheckedIOException when the address cannot be bound, naming it
     */
    public static RegistryServer start(InMemorySchemaRegistry registry, InetSocketAddress address,
            Runnable afterChange) {
        return start(registry, address, afterChange, RegistryServerSecurity.none());
    }

    /**
     * Starts serving {@code registry} with TLS and authentication as {@code security} asks: requests without the
     * credentials get 401 and the REST API's error body, and nothing of the registry.
     *
     * @see #start(InMemorySchemaRegistry, InetSocketAddress, Runnable)
     */
    public static RegistryServer start(InMemorySchemaRegistry registry, InetSocketAddress address,
            Runnable afterChange, RegistryServerSecurity security) {
        HttpServer server;
        try {
            server = security.tls().isPresent() ? https(address, security.tls().get())
                    : HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the schema registry on " + address.getHostString() + ":"
                    + address.getPort() + " (" + e.getMessage() + ")", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(SERVING_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "callscribe-registry-http");
            thread.setDaemon(true);
            return thread;
        });
        RegistryServer registryServer = new RegistryServer(server, executor, new RegistryApi(registry, afterChange),
                security);
        server.createContext("/", registryServer::handle);
        server.setExecutor(executor);
        server.start();
        return registryServer;
    }

    /** The port the server listens on (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The {@code schema.registry.url} under which other processes reach this server at {@code host}. */
    public String url(String host) {
        return security.scheme() + "://" + host + ":" + port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private static HttpsServer https(InetSocketAddress address, SSLContext context) throws IOException {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        return https;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!security.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange);
                return;
            }
            RegistryAnswer answer = api.answer(request(exchange));
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** 401 with a challenge, as Confluent's registry answers a request without valid credentials. */
    private static void refuse(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"callscribe-registry\"");
        exchange.sendResponseHeaders(UNAUTHORIZED, UNAUTHORIZED_BODY.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(UNAUTHORIZED_BODY);
        }
    }

    private static RegistryRequest request(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        return new RegistryRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), segments(uri.getRawPath()),
                parameters(uri.getRawQuery()), body(exchange.getRequestBody()));
    }

    /** Path segments decoded one by one, so an encoded {@code /} in a subject stays inside its segment. */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** Percent-decoding of a URL part; a {@code +} stays a plus, as in a path. */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
