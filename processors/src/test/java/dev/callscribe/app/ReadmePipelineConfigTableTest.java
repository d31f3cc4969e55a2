package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Running the pipeline" configuration table is the rendering of {@link AppConfig#CONFIG_DEF}; when a key
 * changes, this test fails and prints the table to paste between the markers.
 */
class ReadmePipelineConfigTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- config:pipeline -->\n";
    private static final String END = "<!-- /config:pipeline -->";

    @Test
    void shouldDocumentEverySharedAndProcessKeyInTheReadme() throws IOException {
        String expected = ConfigDocs.markdownTable(AppConfig.CONFIG_DEF);

        assertThat(section())
                .as("README.md between %s and %s; expected:%n%s", START.strip(), END, expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldListTheProcessKeysWithTheirDefaults() {
        String table = ConfigDocs.markdownTable(AppConfig.CONFIG_DEF);

        assertThat(table).contains("| `metrics.port` | int | `9400` | [-1,...,65535] |");
        assertThat(table).contains("| `bootstrap.servers` | string | `localhost:9092` |");
        assertThat(table).contains("| `topic.calls.dead-letter` | string | `calls.dead-letter` |");
    }

    private static String section() throws IOException {
        String readme = Files.readString(README);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the marker " + START.strip()).isNotNegative();
        assertThat(to).as("README.md has the marker " + END).isGreaterThan(from);
        return readme.substring(from + START.length(), to);
    }
}
