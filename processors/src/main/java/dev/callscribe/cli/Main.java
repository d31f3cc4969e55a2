package dev.callscribe.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
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
            RunCommand.class,
            PublishCommand.class,
            TailCommand.class,
            TopicsCommand.class,
            DeadLettersCommand.class,
            BenchCommand.class,
            TranscribeCommand.class,
            FeaturesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    /** Exit status of a command that failed. */
    static final int FAILURE = 1;

    private Main() {
    }

    public static void main(String[] args) {
        DemoLogging.redirectIfDemo(args);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status, without exiting; for tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, writing to the given streams; for tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    private static CommandLine commandLine() {
        return commandLine(new Main());
    }

    /** A command line around {@code command} that reports failures as this one does; for tests of one command. */
    static CommandLine commandLine(Object command) {
        return new CommandLine(command).setExecutionExceptionHandler(Main::reportFailure);
    }

    /** A failed command says what went wrong in one line; the stack trace goes to the debug log. */
    private static int reportFailure(Exception failure, CommandLine command, ParseResult parsed) {
        // Looked up here, not in a static field: the demo chooses where logs go before the first logger is made.
        Logger log = LoggerFactory.getLogger(Main.class);
        log.debug("{} failed", command.getCommandName(), failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        command.getErr().println("callscribe " + command.getCommandName() + ": " + message);
        command.getErr().flush();
        return FAILURE;
    }
}
