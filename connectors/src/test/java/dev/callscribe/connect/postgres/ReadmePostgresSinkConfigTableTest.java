package dev.callscribe.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.config.ConfigDocs;
import dev.callscribe.schemas.registry.RegistryClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the PostgreSQL sink's own keys is the rendering of {@link PostgresSinkConfig#CONFIG_DEF}
 * without the Schema Registry client's keys (the serde's table documents those); when a key changes, this test fails
 * and prints the table to paste between the markers.
 */
class ReadmePostgresSinkConfigTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "postgres-sink";

    @Test
    void shouldDocumentEveryKeyOfTheSinkInTheReadme() throws IOException {
        String document = Files.readString(README);
        String expected = sinkTable();

        assertThat(ConfigDocs.markedSection(document, SECTION))
                .as("README.md between <!-- config:%s --> and <!-- /config:%s -->; expected:%n%s", SECTION, SECTION,
                        expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldRenderTheConnectionUrlFirstAndEveryDefault() {
        String table = sinkTable();

        assertThat(table.lines().skip(2).findFirst()).hasValueSatisfying(row -> assertThat(row)
                .startsWith("| `connection.url` | string | (required) |"));
        assertThat(table).contains("| `table.name` | string | `call_transcripts` |")
                .contains("| `include.interim` | boolean | `false` |")
                .contains("| `connection.password` | password | (none) |")
                .doesNotContain("schema.registry.url");
    }

    private static String sinkTable() {
        return ConfigDocs.markdownTable(PostgresSinkConfig.CONFIG_DEF, RegistryClientConfig.CONFIG_DEF);
    }
}
