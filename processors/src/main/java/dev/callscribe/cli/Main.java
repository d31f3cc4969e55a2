package dev.callscribe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code callscribe} command line. Each subcommand parses its options, builds its configuration and starts its
 * work; the work itself lives in the stage packages. This is the one class that ends the JVM with an exit status.
 */
@Command(name = "callscribe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Streaming transcription of contact-center audio on Apache Kafka.",
        subcommands = {
            DemoCommand.class,
            FeaturesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status, without exiting; for tests. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
