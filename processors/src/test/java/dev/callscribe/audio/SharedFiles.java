package dev.callscribe.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared, read-only test material ({@code ../shared} beside the checkout). A user's clone does not
 * have it, so tests that read it are skipped there with a message saying so.
 */
public final class SharedFiles {

    /** Overrides where the shared folder is looked for. */
    public static final String DIRECTORY_PROPERTY = "callscribe.shared.dir";

    private SharedFiles() {
    }

    /** A file under the shared folder; skips the calling test when the folder or the file is absent. */
    public static Path require(String relativePath) {
        Path root = locate();
        assumeTrue(root != null, () -> "skipped: the shared test folder (../shared beside the checkout, or -D"
                + DIRECTORY_PROPERTY + ") is absent, so " + relativePath + " cannot be read");
        Path file = root.resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: " + file + " is absent from the shared folder");
        return file;
    }

    private static Path locate() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(candidate.resolve("audio"))) {
                return candidate;
            }
        }
        return null;
    }
}
