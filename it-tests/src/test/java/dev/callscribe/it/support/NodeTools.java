package dev.callscribe.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node.js tools of the integration tests: the packages of {@code src/test/node} ({@code package.json} and its
 * committed {@code package-lock.json}) installed with {@code npm ci} into {@code target/node}, and the scripts beside
 * them run with {@code node}. The install runs once per lock file content (a stamp records it) and is guarded by a
 * file lock, so concurrent test JVMs share it.
 *
 * <p>Where {@code node} or {@code npm} is not on the PATH, {@link #installed()} skips the calling test with a JUnit
 * assumption, unless the environment variable {@value #REQUIRE_NODE} is {@code true} (CI sets it), where it fails.
 * Thread-safe.
 */
public final class NodeTools {

    /** Set to {@code true} to fail, not skip, tests that need Node.js where it is missing. */
    public static final String REQUIRE_NODE = "CALLSCRIBE_REQUIRE_NODE";

    /** How long {@code npm ci} may take: it downloads about 60 MB on a cold cache. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private static final List<String> INSTALL_FILES = List.of("package.json", "package-lock.json", ".npmrc");
    private static final String STAMP = ".installed-lock.sha256";
    private static NodeTools installed;
    /** Why the install failed, kept so that later tests fail at once instead of running npm ci again. */
    private static IllegalStateException installFailure;

    private final Path home;
    private final Path node;

    private NodeTools(Path home, Path node) {
        this.home = home;
        this.node = node;
    }

    /**
     * The tools, installed: copies the package files and scripts into {@code target/node} and runs {@code npm ci}
     * there unless the same lock file was installed before.
     *
     * @throws org.opentest4j.TestAbortedException where node or npm is missing and Node.js is not required
     * @throws IllegalStateException when {@code npm ci} fails, with its output
     */
    public static synchronized NodeTools installed() throws IOException {
        if (installFailure != null) {
            throw installFailure;
        }
        if (installed == null) {
            Path node = require("node");
            Path npm = require("npm");
            Path source = moduleDirectory().resolve("src/test/node");
            Path home = moduleDirectory().resolve("target/node");
            Files.createDirectories(home);
            copyFiles(source, home);
            try {
                install(npm, home);
            } catch (IllegalStateException e) {
                installFailure = e;
                throw e;
            }
            installed = new NodeTools(home, node);
        }
        return installed;
    }

    /** The it-tests module folder: Maven's {@code basedir}, else the working directory. */
    public static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** The folder the packages are installed in; its {@code node_modules} holds them. */
    public Path home() {
        return home;
    }

    /**
     * Runs {@code node script args...} in {@link #home()}, where the scripts are copied.
     *
     * @param script a script file name from {@code src/test/node}
     * @throws IllegalStateException when it runs past the timeout (it is killed)
     */
    public Result run(Duration timeout, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(node.toString(), script));
        command.addAll(List.of(args));
        return execute(command, Map.of(), home, timeout);
    }

    /** What a command did: its exit status, its standard output and its standard error. */
    public record Result(int status, String stdout, String stderr) {

        /** Whether it exited with status 0. */
        public boolean succeeded() {
            return status == 0;
        }

        /** Standard output, then standard error: for messages. */
        public String output() {
            return stderr.isEmpty() ? stdout : stdout + "\n" + stderr;
        }
    }

    /**
     * Runs a command with extra environment variables, collecting its output.
     *
     * @throws IllegalStateException when it runs past the timeout (it is killed)
     */
    static Result execute(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        Path stdout = Files.createTempFile("callscribe-command-", ".out");
        Path stderr = Files.createTempFile("callscribe-command-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(stdout) + Files.readString(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** The executable on the PATH, or a skipped (or, where Node.js is required, failed) test. */
    static Path require(String executable) {
        Optional<Path> found = onPath(executable);
        if (found.isEmpty() && Boolean.parseBoolean(System.getenv(REQUIRE_NODE))) {
            throw new IllegalStateException(executable + " is not on the PATH, and " + REQUIRE_NODE
                    + "=true: install Node.js 20 or newer with npm");
        }
        assumeTrue(found.isPresent(), executable + " is not on the PATH: skipped (install Node.js 20 or newer with "
                + "npm to run it; " + REQUIRE_NODE + "=true makes this a failure)");
        return found.orElseThrow();
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .flatMap(folder -> Stream.of("", ".cmd", ".exe").map(suffix -> Path.of(folder, executable + suffix)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The package files and the scripts (not folders: node_modules stays where npm puts it). */
    private static void copyFiles(Path source, Path home) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, home.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void install(Path npm, Path home) throws IOException {
        try (FileChannel channel = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            String wanted = digest(home);
            Path stamp = home.resolve(STAMP);
            boolean current = Files.isDirectory(home.resolve("node_modules")) && Files.exists(stamp)
                    && Files.readString(stamp).equals(wanted);
            if (current) {
                return;
            }
            Files.deleteIfExists(stamp);
            Result result = execute(List.of(npm.toString(), "ci"), Map.of(), home, INSTALL_TIMEOUT);
            if (!result.succeeded()) {
                throw new IllegalStateException("npm ci in " + home + " failed with status " + result.status()
                        + ":\n" + result.output());
            }
            Files.writeString(stamp, wanted);
        }
    }

    /** SHA-256 over the files npm ci reads, so a changed lock or setting installs again. */
    private static String digest(Path home) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String name : INSTALL_FILES) {
                Path file = home.resolve(name);
                if (Files.exists(file)) {
                    sha256.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
