package dev.callscribe.it.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker-compose} program (Compose v1, as Debian packages it: {@code apt-get install docker-compose}),
 * used for what it does without a Docker engine: {@code config}, its own validation of the files against the
 * compose schema. Where it is not installed, the check is skipped unless {@value #REQUIRE_ENV} is {@code true}
 * (CI sets it).
 */
final class ComposeCommandLine {

    /** Environment variable that turns a missing {@code docker-compose} from a skip into a failure. */
    static final String REQUIRE_ENV = "CALLSCRIBE_REQUIRE_COMPOSE";

    private static final String PROGRAM = "docker-compose";
    private static final long TIMEOUT_SECONDS = 60;

    private ComposeCommandLine() {
    }

    /** The result of one run: exit status and everything it printed. */
    record Result(int exitStatus, String output) {
    }

    /** The program on the PATH, if there. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, PROGRAM))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Whether CI insists on the check ({@value #REQUIRE_ENV}=true). */
    static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRE_ENV));
    }

    /**
     * {@code docker-compose -f FILE... config -q} in the project folder: validates and merges the files, printing
     * only errors. No interpolation variables are set beyond this JVM's environment, as on a fresh machine.
     */
    static Result config(Path program, Path projectDirectory, List<String> files) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        files.forEach(file -> command.addAll(List.of("-f", file)));
        command.addAll(List.of("config", "-q"));
        try {
            Process process = new ProcessBuilder(command).directory(projectDirectory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
