package dev.callscribe.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends the demo's logs to a file, so they do not interleave with the live transcript it draws on the terminal.
 * slf4j-simple reads its settings once, when the first logger is made, so this runs first thing in {@link Main}.
 */
final class DemoLogging {

    /** The log file's name, in the system's temporary directory. */
    static final String LOG_FILE_NAME = "callscribe-demo.log";

    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static volatile Path logFile;

    private DemoLogging() {
    }

    /**
     * When the command line runs {@code demo} and no log file is configured (with
     * {@code -Dorg.slf4j.simpleLogger.logFile=...}), logs go to {@link #LOG_FILE_NAME}. Must run before any logger
     * exists.
     */
    static void redirectIfDemo(String... args) {
        if (args.length == 0 || !"demo".equals(args[0]) || System.getProperty(LOG_FILE_PROPERTY) != null) {
            return;
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"), LOG_FILE_NAME);
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
        logFile = file;
    }

    /** Where the logs go, when they were redirected. */
    static Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
