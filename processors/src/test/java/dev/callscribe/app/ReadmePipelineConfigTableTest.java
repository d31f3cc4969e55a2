package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.config.ConfigDocs;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.transcriber.TranscriberConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's configuration tables for running the pipeline are the renderings of the code's ConfigDefs (the shared
 * and process keys, then each role's own); when a key changes, the test fails and prints the table to paste between
 * its markers.
 */
class ReadmePipelineConfigTableTest {

    private static final Path README = Path.of("..", "README.md");

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("pipeline", ConfigDocs.markdownTable(AppConfig.CONFIG_DEF)),
                Arguments.of("segmenter", roleTable(SegmenterConfig.CONFIG_DEF)),
                Arguments.of("transcriber", roleTable(TranscriberConfig.CONFIG_DEF)),
                Arguments.of("stitcher", roleTable(StitcherConfig.CONFIG_DEF)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void shouldDocumentEveryKeyInTheReadme(String name, String expected) throws IOException {
        assertThat(section(name))
                .as("README.md between <!-- config:%s --> and <!-- /config:%s -->; expected:%n%s", name, name,
                        expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldListTheProcessKeysWithTheirDefaults() {
        String table = ConfigDocs.markdownTable(AppConfig.CONFIG_DEF);

        assertThat(table).contains("| `metrics.port` | int | `9400` | [-1,...,65535] |");
        assertThat(table).contains("| `bootstrap.servers` | string | `localhost:9092` |");
        assertThat(table).contains("| `topic.calls.dead-letter` | string | `calls.dead-letter` |");
    }

    private static String roleTable(ConfigDef role) {
        return ConfigDocs.markdownTable(role, PipelineConfig.CONFIG_DEF);
    }

    private static String section(String name) throws IOException {
        return ConfigDocs.markedSection(Files.readString(README), name);
    }
}
