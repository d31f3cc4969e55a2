package dev.callscribe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.hub.FakeHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModelTest {

    private static final String REPO = "callscribe/oracle";

    @TempDir
    Path home;

    private FakeHub hub;
    private Map<String, String> environment;

    @BeforeEach
    void serveTheOracleModel() throws IOException {
        hub = new FakeHub(REPO, FixtureModel.resourceDir("oracle"));
        environment = Map.of("HF_ENDPOINT", hub.endpoint().toString(), "HF_HOME", home.toString());
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void shouldShowEachFileItDownloadsOnTheDemosOutput() {
        // When
        String output = fetch();

        // Then each file has its start and completion line, indented under the model's line, and no more
        assertThat(output).startsWith("Model " + REPO + System.lineSeparator());
        assertThat(output).contains("  Downloading " + REPO + ": encoder_model.onnx (",
                "  Downloaded " + REPO + ": encoder_model.onnx (", "  Downloaded " + REPO + ": config.json (");
        assertThat(output.lines().filter(line -> line.contains("encoder_model.onnx"))).hasSizeBetween(2, 11);
    }

    @Test
    void shouldShowNoDownloadForAModelAlreadyCached() {
        // Given
        fetch();

        // When
        String again = fetch();

        // Then
        assertThat(again).isEqualTo("Model " + REPO + System.lineSeparator());
    }

    private String fetch() {
        StringWriter out = new StringWriter();
        DemoModel.fetch(REPO, ModelOptions.defaults(), environment, new PrintWriter(out));
        return out.toString();
    }
}
