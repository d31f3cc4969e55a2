package dev.callscribe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * What a command printed and the status it returned, run as the command line runs it.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
record CommandRun(int status, String out, String err) {

    /** Runs {@code callscribe ARGS...}. */
    static CommandRun main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /** Runs one command object (built with a test's environment, say) with {@code args}. */
    static CommandRun command(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
