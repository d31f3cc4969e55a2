package dev.callscribe.connect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the PostgreSQL server programs ({@code initdb}, {@code pg_ctl}) on this machine, looking in order at: the
 * folder named by the system property {@value #BINDIR_PROPERTY} or the environment variable {@value #BINDIR_ENV};
 * Debian's and Ubuntu's {@code /usr/lib/postgresql/<major>/bin}, newest major first (package {@code postgresql});
 * {@code /usr/local/pgsql/bin} (a source build); and every folder on {@code PATH} (Fedora, Homebrew).
 */
public final class PostgresBinaries {

    /** System property naming the folder of initdb and pg_ctl, for installations found nowhere else. */
    public static final String BINDIR_PROPERTY = "callscribe.postgres.bindir";
    /** Environment variable naming that folder. */
    public static final String BINDIR_ENV = "CALLSCRIBE_POSTGRES_BINDIR";

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\d+");

    private PostgresBinaries() {
    }

    /** The first folder holding both initdb and pg_ctl, if any. */
    public static Optional<Path> find() {
        return candidates().stream().filter(PostgresBinaries::hasServerPrograms).findFirst();
    }

    /** Where {@link #find()} looks, in order: for the message of a test that skips. */
    public static String searchedPlaces() {
        return "-D" + BINDIR_PROPERTY + ", $" + BINDIR_ENV + ", " + DEBIAN_ROOT + "/*/bin, /usr/local/pgsql/bin, PATH";
    }

    private static List<Path> candidates() {
        List<Path> folders = new ArrayList<>();
        Optional.ofNullable(System.getProperty(BINDIR_PROPERTY)).map(Path::of).ifPresent(folders::add);
        Optional.ofNullable(System.getenv(BINDIR_ENV)).map(Path::of).ifPresent(folders::add);
        folders.addAll(debianFolders());
        folders.add(Path.of("/usr/local/pgsql/bin"));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry));
            }
        }
        return folders;
    }

    /** {@code /usr/lib/postgresql/<major>/bin}, highest major first, as Debian installs side-by-side versions. */
    private static List<Path> debianFolders() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(dir -> MAJOR_VERSION.matcher(dir.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString()))
                            .reversed())
                    .map(dir -> dir.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DEBIAN_ROOT, e);
        }
    }

    private static boolean hasServerPrograms(Path folder) {
        return Files.isExecutable(folder.resolve("initdb")) && Files.isExecutable(folder.resolve("pg_ctl"));
    }
}
