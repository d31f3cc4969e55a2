package dev.callscribe.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for a Schema Registry on 127.0.0.1: answers each "METHOD path" with the responses it was
 * given, in order (the last one repeats), 404 for anything else, and records every request it receives.
 */
final class FakeRegistryServer implements AutoCloseable {

    /** A canned answer; {@code gate}, when set, holds the answer back until it opens. */
    record Response(int status, String body, CountDownLatch gate) {
        static Response json(int status, String body) {
            return new Response(status, body, null);
        }
    }

    /** What a client sent. */
    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeRegistryServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeRegistryServer start() throws IOException {
        return new FakeRegistryServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    static FakeRegistryServer start(HttpsServer httpsServer) {
        return new FakeRegistryServer(httpsServer);
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeRegistryServer on(String method, String pathAndQuery, Response... responses) {
        routes.put(method + " " + pathAndQuery, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    long count(String method, String pathAndQuery) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.pathAndQuery().equals(pathAndQuery))
                .count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
                body));
        Response response = next(exchange.getRequestMethod() + " " + pathAndQuery);
        awaitGate(response);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response next(String route) {
        Deque<Response> queue = routes.get(route);
        if (queue == null) {
            return Response.json(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static void awaitGate(Response response) {
        if (response.gate() == null) {
            return;
        }
        try {
            response.gate().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
