package dev.callscribe.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration tables are the rendering of the code's ConfigDefs; when a key changes, this test
 * fails and prints the table to paste between the markers.
 */
class ReadmeConfigTablesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void shouldDocumentEverySerdeAndRegistryKeyInTheReadme() throws IOException {
        String expected = ConfigDocs.markdownTable(AvroSerdeConfig.CONFIG_DEF);

        assertThat(section("serde"))
                .as("README.md between <!-- config:serde --> and <!-- /config:serde -->; expected:%n%s", expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldRenderDefaultsAndHidePasswords() {
        String table = ConfigDocs.markdownTable(AvroSerdeConfig.CONFIG_DEF);

        assertThat(table).contains("| `schema.registry.url` | list | (required) |");
        assertThat(table).contains("| `auto.register.schemas` | boolean | `true` |");
        assertThat(table).contains("| `basic.auth.user.info` | password | (none) |");
    }

    private static String section(String name) throws IOException {
        String readme = Files.readString(README);
        String start = "<!-- config:" + name + " -->\n";
        String end = "<!-- /config:" + name + " -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has the marker " + start.strip()).isNotNegative();
        assertThat(to).as("README.md has the marker " + end).isGreaterThan(from);
        return readme.substring(from + start.length(), to);
    }
}
