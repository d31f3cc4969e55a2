package dev.callscribe.model.hub;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Hugging Face Hub on 127.0.0.1 that serves one repository, with the Hub's endpoints and headers:
 * <ul>
 *   <li>{@code GET /api/models/{repo}/revision/{rev}}: {@code sha} and {@code siblings}, or 404 with
 *       {@code X-Error-Code: RepoNotFound | RevisionNotFound};</li>
 *   <li>{@code HEAD|GET /{repo}/resolve/{rev}/{path}}: small files answer 200 with {@code ETag} (git blob id),
 *       {@code Content-Length} and {@code X-Repo-Commit}; large (LFS) files ({@code .onnx}, {@code .onnx_data})
 *       answer 302 to the CDN with {@code X-Linked-Etag} (sha256), {@code X-Linked-Size} and {@code X-Repo-Commit};</li>
 *   <li>{@code GET /cdn/{sha256}}: the content, with {@code Range} support (206 and {@code Content-Range}).</li>
 * </ul>
 * Every request is recorded. Faults can be switched on: a required token, a corrupted body, server errors, a stall,
 * connections cut short; and a mirror's habit of redirecting file addresses to absolute ones on its own host.
 *
 * <p>Public for the tests of other packages that download a model (the demo's).
 */
public final class FakeHub implements AutoCloseable {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    /** Where {@link #redirectFilesWithinHost()} sends file addresses. */
    static final String MIRROR_PREFIX = "/mirror";

    private static final Set<String> LFS_SUFFIXES = Set.of(".onnx", ".onnx_data");

    private final String repoId;
    private final Map<String, byte[]> files;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger apiFailuresLeft = new AtomicInteger();
    private final CountDownLatch stallReleased = new CountDownLatch(1);
    private volatile String stalledFile;
    private volatile String requiredToken;
    private volatile String cdnHost = "127.0.0.1";
    private volatile String cutFile;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile int bytesPerCut;
    private volatile boolean redirectWithinHost;

    /** One request as the server saw it. */
    record Recorded(String method, String path, Headers headers) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }
    }

    /**
     * Starts serving the files under {@code folder} as the repository {@code repoId} on a free port of 127.0.0.1.
     *
     * @param repoId the repository id, {@code owner/name}
     * @param folder the repository's files
     */
    public FakeHub(String repoId, Path folder) throws IOException {
        this.repoId = repoId;
        this.files = readTree(folder);
        files.forEach((name, content) -> cdn.put(sha256(content), content));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private static Map<String, byte[]> readTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            Map<String, byte[]> contents = new TreeMap<>();
            for (Path path : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
                contents.put(folder.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            return contents;
        }
    }

    /** The Hub's address, for {@code HF_ENDPOINT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    byte[] content(String file) {
        return files.get(file).clone();
    }

    String sha256Of(String file) {
        return sha256(files.get(file));
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Requests for file contents or metadata, not for repository info. */
    List<Recorded> fileRequests() {
        return requests.stream().filter(r -> !r.path().startsWith("/api/")).toList();
    }

    void requireToken(String token) {
        this.requiredToken = token;
    }

    /** Serves the file with one byte changed, under its true ETag. */
    void corrupt(String file) {
        corrupted.add(file);
    }

    /** Answers the next {@code count} repository-info requests with 503. */
    void failRepoInfo(int count) {
        apiFailuresLeft.set(count);
    }

    /** Redirects downloads to a CDN on another host name for the same server, as the Hub's CDN is. */
    void useCdnHost(String host) {
        this.cdnHost = host;
    }

    /** The first CDN download of the file sends half its bytes, then nothing until {@link #close()}. */
    void stallFirstDownloadOf(String file) {
        this.stalledFile = file;
    }

    /**
     * The next {@code times} CDN downloads of the file each send {@code bytes} bytes from where they were asked to
     * start, then drop the connection.
     */
    void cutDownloadsOf(String file, int times, int bytes) {
        this.bytesPerCut = bytes;
        this.cutsLeft.set(times);
        this.cutFile = file;
    }

    /**
     * Answers every {@code /{repo}/resolve/...} request with a 302 to the same address under {@link #MIRROR_PREFIX},
     * absolute and on this host, as some mirrors do; the files are served there.
     */
    void redirectFilesWithinHost() {
        this.redirectWithinHost = true;
    }

    @Override
    public void close() {
        stallReleased.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestHeaders()));
            if (path.startsWith("/cdn/")) {
                serveCdn(exchange, path.substring("/cdn/".length()));
            } else if (!authorized(exchange)) {
                error(exchange, 401, "GatedRepo");
            } else if (path.startsWith("/api/models/")) {
                serveRepoInfo(exchange, path.substring("/api/models/".length()));
            } else if (path.startsWith(MIRROR_PREFIX + "/")) {
                serveResolve(exchange, path.substring(MIRROR_PREFIX.length()));
            } else if (redirectWithinHost) {
                exchange.getResponseHeaders().add("Location", endpoint() + MIRROR_PREFIX + path);
                exchange.sendResponseHeaders(302, -1);
            } else {
                serveResolve(exchange, path);
            }
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String token = requiredToken;
        return token == null || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void serveRepoInfo(HttpExchange exchange, String rest) throws IOException {
        if (apiFailuresLeft.getAndDecrement() > 0) {
            error(exchange, 503, "");
            return;
        }
        String prefix = repoId + "/revision/";
        if (!rest.startsWith(prefix)) {
            error(exchange, 404, "RepoNotFound");
            return;
        }
        String revision = rest.substring(prefix.length());
        if (!revision.equals("main") && !revision.equals(COMMIT)) {
            error(exchange, 404, "RevisionNotFound");
            return;
        }
        String siblings = files.keySet().stream().map(name -> "{\"rfilename\": \"" + name + "\"}")
            .collect(Collectors.joining(", "));
        byte[] body = ("{\"id\": \"" + repoId + "\", \"sha\": \"" + COMMIT + "\", \"siblings\": [" + siblings + "]}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void serveResolve(HttpExchange exchange, String path) throws IOException {
        String prefix = "/" + repoId + "/resolve/" + COMMIT + "/";
        if (!path.startsWith(prefix)) {
            error(exchange, 404, "RepoNotFound");
            return;
        }
        String file = path.substring(prefix.length());
        byte[] content = files.get(file);
        if (content == null) {
            error(exchange, 404, "EntryNotFound");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.add("X-Repo-Commit", COMMIT);
        if (LFS_SUFFIXES.stream().anyMatch(file::endsWith)) {
            String sha = sha256(content);
            headers.add("X-Linked-Etag", "\"" + sha + "\"");
            headers.add("X-Linked-Size", Long.toString(content.length));
            headers.add("ETag", "\"" + gitBlobId(content).substring(0, 20) + "-cdn\"");
            headers.add("Location", "http://" + cdnHost + ":" + server.getAddress().getPort() + "/cdn/" + sha
                + "?file=" + file);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        headers.add("ETag", "\"" + gitBlobId(content) + "\"");
        sendContent(exchange, file, content);
    }

    private void serveCdn(HttpExchange exchange, String sha) throws IOException {
        byte[] content = cdn.get(sha);
        if (content == null) {
            error(exchange, 404, "");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String file = query == null ? "" : query.substring("file=".length());
        if (file.equals(stalledFile) && "GET".equals(exchange.getRequestMethod())) {
            stalledFile = null;
            stall(exchange, content);
            return;
        }
        if (file.equals(cutFile) && "GET".equals(exchange.getRequestMethod()) && cutsLeft.getAndDecrement() > 0) {
            cut(exchange, content);
            return;
        }
        sendContent(exchange, file, content);
    }

    /** Announces the rest of the file from the asked start, sends {@link #bytesPerCut} bytes of it and hangs up. */
    private void cut(HttpExchange exchange, byte[] content) throws IOException {
        int start = rangeStart(exchange);
        if (start > 0) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/"
                + content.length);
        }
        exchange.sendResponseHeaders(start > 0 ? 206 : 200, content.length - start);
        OutputStream body = exchange.getResponseBody();
        body.write(content, start, Math.min(bytesPerCut, content.length - start));
        body.flush();
        throw new IOException("connection cut on purpose after " + bytesPerCut + " bytes");
    }

    private static int rangeStart(HttpExchange exchange) {
        String range = exchange.getRequestHeaders().getFirst("Range");
        return range == null ? 0 : Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
    }

    private void stall(HttpExchange exchange, byte[] content) throws IOException {
        exchange.sendResponseHeaders(200, content.length);
        OutputStream body = exchange.getResponseBody();
        body.write(content, 0, content.length / 2);
        body.flush();
        try {
            stallReleased.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendContent(HttpExchange exchange, String file, byte[] original) throws IOException {
        byte[] content = corrupted.contains(file) ? flipFirstByte(original) : original;
        Headers headers = exchange.getResponseHeaders();
        if ("HEAD".equals(exchange.getRequestMethod())) {
            headers.add("Content-Length", Long.toString(content.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int start = rangeStart(exchange);
        if (range != null) {
            headers.add("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.sendResponseHeaders(range == null ? 200 : 206, content.length - start);
        exchange.getResponseBody().write(content, start, content.length - start);
    }

    private static byte[] flipFirstByte(byte[] content) {
        byte[] changed = content.clone();
        changed[0] ^= 0x20;
        return changed;
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        if (!code.isEmpty()) {
            exchange.getResponseHeaders().add("X-Error-Code", code);
        }
        byte[] body = ("{\"error\": \"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseBody().write(body);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content));
    }

    private static String gitBlobId(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return HexFormat.of().formatHex(digest("SHA-1", all));
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists the requests, for assertion messages. */
    String describeRequests() {
        List<String> lines = new ArrayList<>();
        requests.forEach(r -> lines.add(r.method() + " " + r.path()));
        return String.join("\n", lines);
    }

    static void writeAll(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
