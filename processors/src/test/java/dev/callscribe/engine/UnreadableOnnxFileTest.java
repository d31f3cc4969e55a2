package dev.callscribe.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelFormatException;
import dev.callscribe.model.ModelLoader;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.model.hub.DownloadListener;
import dev.callscribe.model.hub.FakeHub;
import dev.callscribe.model.hub.HubClient;
import dev.callscribe.model.hub.HubOptions;
import dev.callscribe.model.hub.HubSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An ONNX file that ONNX Runtime cannot parse is named, with how to get a good copy. */
class UnreadableOnnxFileTest {

    private static final String ENCODER = "encoder_model.onnx";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cut in half", "a Git LFS pointer", "empty"})
    void shouldNameAModelFolderFileThatCannotBeParsedAndSayToReplaceIt(String damage) throws IOException {
        // Given the oracle model with its encoder damaged
        Path folder = copyOfOracle(dir.resolve("oracle"));
        Path encoder = folder.resolve(ENCODER);
        switch (damage) {
            case "cut in half" -> cutInHalf(encoder);
            case "a Git LFS pointer" -> Files.writeString(encoder, "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
            default -> Files.write(encoder, new byte[0]);
        }
        WhisperModel model = ModelFolder.read(folder, ModelOptions.defaults());

        // When / Then
        assertThatThrownBy(() -> WhisperEngine.open(model, EngineOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageStartingWith("ONNX Runtime cannot parse " + folder.resolve(ENCODER).toAbsolutePath())
            .hasMessageContaining("Replace it with a good copy");
    }

    @Test
    void shouldNameTheCachedFileToDeleteWhenADownloadedFileCannotBeParsed() throws IOException {
        // Given the oracle model downloaded into the cache, whose cached encoder was then damaged
        WhisperModel model;
        try (FakeHub hub = new FakeHub("callscribe/oracle", FixtureModel.resourceDir("oracle"))) {
            HubClient client = new HubClient(new HubSettings(hub.endpoint(), Optional.empty(), dir.resolve("hub"),
                false), HubOptions.defaults(), DownloadListener.none());
            model = new ModelLoader(client).load("callscribe/oracle", ModelOptions.defaults());
        }
        Path blob = model.folder().resolve(ENCODER).toRealPath();
        cutInHalf(blob);

        // When / Then
        assertThatThrownBy(() -> WhisperEngine.open(model, EngineOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining(ENCODER)
            .hasMessageContaining("delete " + blob + " (the cached file it links to) and load the model again");
    }

    private static Path copyOfOracle(Path target) throws IOException {
        Path source = FixtureModel.resourceDir("oracle");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static void cutInHalf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }
}
