package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the recordings source's keys is the rendering of {@link RecordingSourceConfig#CONFIG_DEF};
 * when a key changes, this test fails and prints the table to paste between the markers.
 */
class ReadmeRecordingSourceConfigTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "connect-source";

    @Test
    void shouldDocumentEveryKeyOfTheRecordingsSourceInTheReadme() throws IOException {
        String document = Files.readString(README);
        String expected = ConfigDocs.markdownTable(RecordingSourceConfig.CONFIG_DEF);

        assertThat(ConfigDocs.markedSection(document, SECTION))
                .as("README.md between <!-- config:%s --> and <!-- /config:%s -->; expected:%n%s", SECTION, SECTION,
                        expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldRenderTheRequiredKeysFirstAndEveryDefault() {
        String table = ConfigDocs.markdownTable(RecordingSourceConfig.CONFIG_DEF);

        assertThat(table.lines().skip(2).limit(2)).allMatch(row -> row.contains("(required)"));
        assertThat(table).contains("| `topic` | string | `calls.audio` |")
                .contains("| `chunk.length.ms` | int | `1000` |")
                .contains("| `finished.action` | string | `LEAVE` |")
                .doesNotContain("task.index");
    }
}
