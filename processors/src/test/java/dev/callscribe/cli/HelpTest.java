package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command, and every subcommand of one, answers --help with its usage and status 0. */
class HelpTest {

    static Stream<String> commands() {
        return new CommandLine(Main.class).getSubcommands().values().stream()
                .filter(command -> !command.getCommandName().equals("help"))
                .flatMap(HelpTest::withSubcommands);
    }

    private static Stream<String> withSubcommands(CommandLine command) {
        String name = command.getCommandName();
        return Stream.concat(Stream.of(name), command.getSubcommands().keySet().stream().map(sub -> name + " " + sub));
    }

    @ParameterizedTest(name = "callscribe {0} --help")
    @MethodSource("commands")
    void shouldAnswerHelpWithItsUsage(String command) {
        CommandRun run = CommandRun.main((command + " --help").split(" "));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: callscribe " + command);
    }
}
