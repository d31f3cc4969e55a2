package dev.callscribe.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a Java runtime of at least a given feature version for child JVMs: this one, JAVA21_HOME, /usr/lib/jvm. */
final class Jdks {

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdks() {
    }

    static Optional<Path> javaAtLeast(int feature) {
        if (Runtime.version().feature() >= feature) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        String configured = System.getenv("JAVA21_HOME");
        if (configured != null && featureOf(Path.of(configured)) >= feature) {
            return Optional.of(Path.of(configured, "bin", "java"));
        }
        return installed().filter(home -> featureOf(home) >= feature)
                .max(Comparator.comparingInt(Jdks::featureOf))
                .map(home -> home.resolve("bin").resolve("java"));
    }

    private static Stream<Path> installed() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Stream.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java"))).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The feature version in a JDK's {@code release} file; 0 when it cannot be read. */
    private static int featureOf(Path home) {
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
