package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.model.hub.DownloadListener;
import dev.callscribe.model.hub.HubClient;
import dev.callscribe.model.hub.HubOptions;
import dev.callscribe.model.hub.HubSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading by repository id goes through {@link HubClient} against a stand-in Hub; the Hub's protocol itself is
 * specified in {@code HubClientTest}. This stand-in serves the test model folder with plain 200 answers and records
 * which files were asked for.
 */
class ModelLoaderTest {

    private static final String REPO = "onnx-community/distil-small.en";
    private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path cacheDir;

    private com.sun.net.httpserver.HttpServer server;
    private final List<String> requestedFiles = new CopyOnWriteArrayList<>();
    private ModelLoader loader;

    @BeforeEach
    void startHub() throws IOException {
        Path folder = ModelResources.folder(ModelResources.DISTIL_SMALL_EN);
        server = com.sun.net.httpserver.HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = path.startsWith("/api/") ? repoInfo(folder)
                    : file(folder, path, exchange.getRequestMethod());
                exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(path.hashCode()) + "\"");
                exchange.getResponseHeaders().add("X-Repo-Commit", COMMIT);
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        loader = new ModelLoader(new HubClient(new HubSettings(endpoint, Optional.empty(), cacheDir, false),
            HubOptions.defaults(), DownloadListener.none()));
    }

    private static byte[] repoInfo(Path folder) throws IOException {
        StringBuilder siblings = new StringBuilder();
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                siblings.append(siblings.length() == 0 ? "" : ", ").append("{\"rfilename\": \"")
                    .append(folder.relativize(path).toString().replace('\\', '/')).append("\"}");
            }
        }
        return ("{\"sha\": \"" + COMMIT + "\", \"siblings\": [" + siblings + "]}").getBytes();
    }

    private byte[] file(Path folder, String path, String method) throws IOException {
        String file = path.substring(("/" + REPO + "/resolve/" + COMMIT + "/").length());
        if ("GET".equals(method)) {
            requestedFiles.add(file);
        }
        return Files.readAllBytes(folder.resolve(file));
    }

    @AfterEach
    void stopHub() {
        server.stop(0);
    }

    @Test
    void shouldLoadARepositoryThroughTheCache() throws IOException {
        // When
        WhisperModel model = loader.load(REPO, ModelOptions.defaults().withEncoderDtype(ModelDtype.INT8));

        // Then
        assertThat(model.id()).isEqualTo(REPO);
        assertThat(model.folder()).startsWith(cacheDir).endsWith(Path.of("snapshots", COMMIT));
        assertThat(model.files().encoder().path()).isEqualTo(model.folder().resolve("onnx/encoder_model_int8.onnx"))
            .exists();
        assertThat(model.config().numMelBins()).isEqualTo(80);
        assertThat(model.chunkLengthSeconds()).isEqualTo(15.0);
    }

    @Test
    void shouldDownloadOnlyWhatTheChosenFormatsNeed() throws IOException {
        // When
        loader.load(REPO, ModelOptions.defaults().withEncoderDtype(ModelDtype.INT8));

        // Then
        assertThat(requestedFiles).containsExactlyInAnyOrder("config.json", "tokenizer.json", "generation_config.json",
            "preprocessor_config.json", "onnx/encoder_model_int8.onnx", "onnx/decoder_model_merged.onnx");
    }

    @Test
    void shouldDownloadExternalDataBesideItsModel() throws IOException {
        // When
        WhisperModel model = loader.load(REPO, ModelOptions.defaults().withDecoderDtype(ModelDtype.FP16));

        // Then
        OnnxFile decoder = ((DecoderFiles.Merged) model.files().decoder()).merged();
        assertThat(decoder.externalData()).containsExactly(
            model.folder().resolve("onnx/decoder_model_merged_fp16.onnx_data"));
        // ONNX Runtime looks for external data beside the model path it is given (the snapshot link, not the blob)
        assertThat(decoder.externalData().get(0)).exists();
        assertThat(decoder.externalData().get(0).getParent()).isEqualTo(decoder.path().getParent());
    }

    @Test
    void shouldReadALocalFolderWithoutTheNetwork() throws IOException {
        // When
        WhisperModel model = loader.load(ModelResources.folder(ModelResources.OPTIMUM_MULTILINGUAL).toString(),
            ModelOptions.defaults());

        // Then
        assertThat(model.id()).isEqualTo(ModelResources.OPTIMUM_MULTILINGUAL);
        assertThat(requestedFiles).isEmpty();
    }

    @Test
    void shouldRefuseASourceThatIsNeitherAFolderNorARepoId() {
        assertThatThrownBy(() -> loader.load("no-such-folder", ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("'no-such-folder' is neither an existing folder nor a Hugging Face repo id");
    }

    @Test
    void shouldSayWhichFormatARepositoryLacksBeforeDownloadingAnyModelFile() {
        // When / Then
        assertThatThrownBy(() -> loader.load(REPO, ModelOptions.defaults().withEncoderDtype(ModelDtype.BNB4)))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("No encoder_model in format bnb4 in " + REPO);
        assertThat(requestedFiles).isEmpty();
    }
}
