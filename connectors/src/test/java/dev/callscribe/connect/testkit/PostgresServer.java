package dev.callscribe.connect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests, made from the programs of the machine's own installation
 * ({@link PostgresBinaries}): {@code initdb} into a fresh temporary folder, then {@code pg_ctl start} listening on
 * 127.0.0.1 on a free port, with password (scram-sha-256) authentication for its superuser {@value #SUPERUSER} and
 * durability switched off (fsync), since the data is thrown away. Closing it stops the server and deletes the
 * folder.
 *
 * <p>PostgreSQL refuses to run as root. Where the tests run as root (containers, CI), every server program runs as
 * the operating system user {@value #OS_USER_WHEN_ROOT} through {@code runuser}, in a folder that user owns; the
 * package that installs the server creates that user.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database superuser initdb creates. */
    public static final String SUPERUSER = "callscribe";
    /** How long initdb, and the server's start, may take on a cold, busy CI machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** How long stopping may take. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final String OS_USER_WHEN_ROOT = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";

    private final Path binDir;
    private final Path home;
    private final List<String> runAs;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databaseCount = new AtomicInteger();

    private PostgresServer(Path binDir, Path home, List<String> runAs, int port) {
        this.binDir = binDir;
        this.home = home;
        this.runAs = runAs;
        this.port = port;
    }

    /**
     * Why a server cannot be started here, or empty if it can: no server programs, or running as root without the
     * {@value #OS_USER_WHEN_ROOT} user to run them as.
     */
    public static Optional<String> whyUnavailable() {
        if (PostgresBinaries.find().isEmpty()) {
            return Optional.of("PostgreSQL server programs (initdb, pg_ctl) not found in "
                    + PostgresBinaries.searchedPlaces() + "; install them (Debian: apt-get install -y postgresql)");
        }
        if (runningAsRoot() && postgresUser().isEmpty()) {
            return Optional.of("running as root, and PostgreSQL refuses to run as root: the '" + OS_USER_WHEN_ROOT
                    + "' user to run it as does not exist (Debian's postgresql package creates it)");
        }
        return Optional.empty();
    }

    /**
     * Initializes and starts a server, waiting until it accepts connections.
     *
     * @throws IllegalStateException if it cannot be started here ({@link #whyUnavailable()}) or fails to start; the
     *     message carries the end of the server's log
     */
    public static PostgresServer start() throws IOException {
        whyUnavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Path home = Files.createTempDirectory("callscribe-pg-");
        List<String> runAs = List.of();
        if (runningAsRoot()) {
            Files.setOwner(home, postgresUser().orElseThrow());
            runAs = List.of("runuser", "-u", OS_USER_WHEN_ROOT, "--");
        }
        PostgresServer server = new PostgresServer(PostgresBinaries.find().orElseThrow(), home, runAs, freePort());
        try {
            server.initdb();
            server.startServer();
        } catch (IOException | RuntimeException e) {
            server.deleteHome();
            throw e;
        }
        return server;
    }

    /** A new, empty database on this server, named {@code prefix} plus a counter (lower case, letters and _). */
    public PostgresDatabase createDatabase(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + databaseCount.incrementAndGet();
        try (Connection connection = database(MAINTENANCE_DATABASE).connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return database(name);
    }

    /** An existing database of this server, by name. */
    public PostgresDatabase database(String name) {
        return new PostgresDatabase(name, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, SUPERUSER, password);
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        try {
            run(STOP_TIMEOUT, "pg_ctl", "-D", data().toString(), "-m", "immediate", "-w",
                    "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "stop");
        } finally {
            deleteHome();
        }
    }

    private void initdb() throws IOException {
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        chownIfRoot(passwordFile);
        run(START_TIMEOUT, "initdb", "-D", data().toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
    }

    private void startServer() throws IOException {
        // -k puts the Unix socket in our own folder: the system's (/var/run/postgresql) may not exist or be writable.
        String serverOptions = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home
                + " -c fsync=off -c full_page_writes=off";
        run(START_TIMEOUT, "pg_ctl", "-D", data().toString(), "-l", serverLog().toString(), "-w",
                "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-o", serverOptions, "start");
    }

    /** Runs a server program (as the postgres user when root) and fails with its output if it does not succeed. */
    private void run(Duration timeout, String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(runAs);
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = home.resolve(program + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + timeout + ":\n" + logs(output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed with status " + process.exitValue() + ":\n"
                    + logs(output));
        }
    }

    private String logs(Path commandOutput) throws IOException {
        return tail(commandOutput) + (Files.exists(serverLog()) ? "\nserver log:\n" + tail(serverLog()) : "");
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private Path data() {
        return home.resolve("data");
    }

    private Path serverLog() {
        return home.resolve("server.log");
    }

    private void chownIfRoot(Path file) throws IOException {
        if (runningAsRoot()) {
            Files.setOwner(file, postgresUser().orElseThrow());
        }
    }

    private void deleteHome() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(PostgresServer::delete);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<UserPrincipal> postgresUser() {
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OS_USER_WHEN_ROOT));
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up the user " + OS_USER_WHEN_ROOT, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
