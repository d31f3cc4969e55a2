package dev.callscribe.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
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

    @Test
    void shouldWriteDefaultsUnderTheHomeDirectoryWithATildeSoTheReadmeFitsEveryUser() {
        String home = System.getProperty("user.home");
        ConfigDef definition = new ConfigDef()
                .define("state.dir", ConfigDef.Type.STRING, home + "/.callscribe/state", ConfigDef.Importance.LOW, "")
                .define("other.dir", ConfigDef.Type.STRING, "/var" + home, ConfigDef.Importance.LOW, "");

        String table = ConfigDocs.markdownTable(definition);

        assertThat(table).contains("| `state.dir` | string | `~/.callscribe/state` |")
                .contains("| `other.dir` | string | `/var" + home + "` |");
    }

    @Test
    void shouldFindTheTextBetweenANamedSectionsMarkersOrSayWhichAreMissing() {
        String document = "intro\n<!-- config:a -->\n| table a |\n<!-- /config:a -->\n<!-- /config:b -->\n";

        assertThat(ConfigDocs.markedSection(document, "a")).isEqualTo("| table a |\n");
        assertThatThrownBy(() -> ConfigDocs.markedSection(document, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<!-- config:b -->");
    }

    private static String section(String name) throws IOException {
        return ConfigDocs.markedSection(Files.readString(README), name);
    }
}
