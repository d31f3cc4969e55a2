package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.codec.WavWriter;
import dev.callscribe.fixtures.FixtureModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that takes a file says in one line which file is wrong and how, with exit status 1 (as the README
 * documents for publish), whether the file is missing, a directory or not what the command reads.
 */
class FileArgumentsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transcribe", "publish", "features", "demo"})
    void shouldNameAnAudioFileThatDoesNotExist(String command) {
        Path missing = dir.resolve("absent.wav");

        CommandRun run = CommandRun.main(audioCommand(command, missing));

        assertOneLineNaming(run, command, missing, "no such file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transcribe", "publish", "features", "demo"})
    void shouldNameAnAudioFileThatIsADirectory(String command) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("recordings"));

        CommandRun run = CommandRun.main(audioCommand(command, folder));

        assertOneLineNaming(run, command, folder, "it is a directory, not a file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transcribe", "publish", "features", "demo"})
    void shouldNameAnAudioFileThatIsNotAudio(String command) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio");

        CommandRun run = CommandRun.main(audioCommand(command, text));

        assertOneLineNaming(run, command, text, "not a WAV or FLAC file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "publish", "tail", "demo"})
    void shouldNameAConfigurationFileThatDoesNotExist(String command) throws IOException {
        Path missing = dir.resolve("absent.properties");

        CommandRun run = CommandRun.main(configCommand(command, missing));

        assertOneLineNaming(run, command, missing, "does not exist");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "publish", "tail", "demo"})
    void shouldNameAConfigurationFileThatIsADirectory(String command) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("conf"));

        CommandRun run = CommandRun.main(configCommand(command, folder));

        assertOneLineNaming(run, command, folder, "cannot read configuration file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"directory", "missing-folder"})
    void shouldNameAFeaturesOutputThatCannotBeWritten(String kind) throws IOException {
        Path output = kind.equals("directory") ? Files.createDirectory(dir.resolve("out"))
                : dir.resolve("no-such-folder").resolve("out.f32");

        CommandRun run = CommandRun.main("features", recording().toString(), output.toString());

        assertOneLineNaming(run, "features", output, "cannot write");
    }

    @Test
    void shouldNameAModelFileThatCannotBeParsed() throws IOException {
        // Given a copy of the oracle model whose encoder is empty
        Path model = Files.createDirectory(dir.resolve("model"));
        try (Stream<Path> files = Files.list(FixtureModel.resourceDir("oracle"))) {
            for (Path file : files.toList()) {
                Files.copy(file, model.resolve(file.getFileName().toString()));
            }
        }
        Path encoder = Files.write(model.resolve("encoder_model.onnx"), new byte[0]);

        // When
        CommandRun run = CommandRun.main("transcribe", "--model", model.toString(), recording().toString());

        // Then
        assertOneLineNaming(run, "transcribe", encoder, "ONNX Runtime cannot parse");
    }

    /** The command line of {@code command} given {@code file} where it takes audio. */
    private String[] audioCommand(String command, Path file) {
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("transcribe") || command.equals("demo")) {
            args.addAll(List.of("--model", FixtureModel.resourceDir("oracle").toString()));
        }
        args.add(command.equals("demo") ? "--audio=" + file : file.toString());
        if (command.equals("features")) {
            args.add(dir.resolve("out.f32").toString());
        }
        return args.toArray(String[]::new);
    }

    /** The command line of {@code command} given {@code file} as its configuration file. */
    private String[] configCommand(String command, Path file) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, "--config", file.toString()));
        if (command.equals("demo")) {
            args.addAll(List.of("--model", FixtureModel.resourceDir("oracle").toString()));
        }
        if (command.equals("publish")) {
            args.add(recording().toString());
        }
        return args.toArray(String[]::new);
    }

    /** One second of silence, a recording every command reads. */
    private Path recording() throws IOException {
        return Files.write(dir.resolve("call.wav"), WavWriter.encodePcm16(new float[][] {new float[16_000]}, 16_000));
    }

    private static void assertOneLineNaming(CommandRun run, String command, Path file, String problem) {
        assertThat(run.status()).as(run.err()).isEqualTo(Main.FAILURE);
        assertThat(run.err().lines()).as(run.err()).singleElement().asString()
                .startsWith("callscribe " + command + ": ")
                .contains(file.toString(), problem);
    }
}
