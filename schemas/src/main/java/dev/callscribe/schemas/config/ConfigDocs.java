package dev.callscribe.schemas.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a {@link ConfigDef} as the Markdown table the README shows, so the documented names, defaults and
 * descriptions are the ones in the code (Kafka renders its reference docs from ConfigDef the same way). A test keeps
 * the README's tables equal to this rendering.
 */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** Required keys first, then by importance and name, as Kafka orders its reference docs. */
    private static final Comparator<ConfigKey> DOC_ORDER = Comparator
            .comparing((ConfigKey key) -> key.hasDefault())
            .thenComparing(key -> key.importance)
            .thenComparing(key -> key.name);

    /** One row per key: key, type, default, valid values, description. */
    public static String markdownTable(ConfigDef definition) {
        return markdownTable(definition, new ConfigDef());
    }

    /** The table of the keys {@code definition} adds to {@code base}: a role's own keys, without the shared ones. */
    public static String markdownTable(ConfigDef definition, ConfigDef base) {
        List<ConfigKey> keys = definition.configKeys().values().stream()
                .filter(key -> !base.configKeys().containsKey(key.name))
                .sorted(DOC_ORDER).toList();
        String rows = keys.stream().map(ConfigDocs::row).collect(Collectors.joining("\n"));
        return "| Key | Type | Default | Valid values | Description |\n|---|---|---|---|---|\n" + rows + "\n";
    }

    /**
     * The text of a document between the markers {@code <!-- config:NAME -->} (and its line end) and
     * {@code <!-- /config:NAME -->}: where the README holds the table of one configuration.
     *
     * @throws IllegalArgumentException if either marker is missing or they are out of order
     */
    public static String markedSection(String document, String name) {
        String start = "<!-- config:" + name + " -->\n";
        String end = "<!-- /config:" + name + " -->";
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the document has no section between " + start.strip() + " and " + end);
        }
        return document.substring(from + start.length(), to);
    }

    private static String row(ConfigKey key) {
        return "| `" + key.name + "` | " + key.type.name().toLowerCase(Locale.ROOT) + " | "
                + defaultOf(key) + " | " + escape(key.validator == null ? "" : key.validator.toString()) + " | "
                + escape(key.documentation) + " |";
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value == null || (key.type == Type.PASSWORD && value instanceof Password)) {
            return "(none)";
        }
        if (value instanceof List<?> list) {
            value = String.join(",", list.stream().map(String::valueOf).toList());
        }
        String text = withHomeAsTilde(String.valueOf(value));
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    /** Defaults under the home directory read the same whoever renders them (and whoever runs the README test). */
    private static String withHomeAsTilde(String text) {
        String home = System.getProperty("user.home");
        return home != null && !home.isEmpty() && text.startsWith(home + "/") ? "~" + text.substring(home.length())
                : text;
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
