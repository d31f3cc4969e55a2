package dev.callscribe.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP endpoints of a process, on every interface:
 * <ul>
 *   <li>{@code GET /metrics}: every meter, Prometheus text format.</li>
 *   <li>{@code GET /health}: 200 when every started role is alive, else 503 (a liveness probe; a broker outage does
 *       not make it fail, since a restart would not help).</li>
 *   <li>{@code GET /ready}: 200 when every role is started and doing its work and the Kafka cluster answers, else
 *       503 (a readiness probe).</li>
 * </ul>
 * Health and readiness answer a JSON body naming each role's state (see {@link RoleRoster#json(String)}). Requests
 * are served by two daemon threads, so a slow scrape does not hold up a probe. Owns the socket and the threads until
 * {@link #close()}, which is idempotent.
 */
public final class MetricsServer implements AutoCloseable {

    private static final int SERVING_THREADS = 2;
    private static final int OK = 200;
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int UNAVAILABLE = 503;
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param port the port, 0 for any free one
     * @param scrape the Prometheus text of every meter, computed per request
     * @param roster the roles whose health and readiness are reported
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    public static MetricsServer start(int port, Supplier<String> scrape, RoleRoster roster) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> respond(exchange, () -> new Answer(OK, PROMETHEUS_TEXT,
                scrape.get())));
        server.createContext("/health", exchange -> respond(exchange, () -> probe(roster.healthy(), roster, "UP",
                "DOWN")));
        server.createContext("/ready", exchange -> respond(exchange, () -> probe(roster.ready(), roster, "READY",
                "NOT_READY")));
        ExecutorService executor = Executors.newFixedThreadPool(SERVING_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "callscribe-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, executor);
    }

    /** The port the server listens on (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL as seen from this host, for the log: {@code http://localhost:<port>}. */
    public String localUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Answer probe(boolean ok, RoleRoster roster, String up, String down) {
        return new Answer(ok ? OK : UNAVAILABLE, JSON, roster.json(ok ? up : down));
    }

    /** Answers GET and HEAD with what {@code answer} computes; other methods get 405 without computing it. */
    private static void respond(HttpExchange exchange, Supplier<Answer> answer) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, -1);
                return;
            }
            Answer computed = answer.get();
            byte[] body = computed.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", computed.contentType());
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(computed.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** An HTTP answer: status code, content type, body. */
    private record Answer(int status, String contentType, String body) {
    }
}
