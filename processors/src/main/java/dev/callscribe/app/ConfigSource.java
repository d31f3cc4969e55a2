package dev.callscribe.app;

/** Where a configuration value came from, in rising precedence; the effective configuration log names it. */
public enum ConfigSource {
    /** The key's documented default. */
    DEFAULT("default"),
    /** The properties file given with {@code --config}. */
    FILE("file"),
    /** A {@code CALLSCRIBE_} environment variable. */
    ENVIRONMENT("environment"),
    /** A {@code --set key=value} option. */
    COMMAND_LINE("command line"),
    /** Set by {@code --embedded}: the in-process broker's address, and its registry's when none was given. */
    EMBEDDED("embedded");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** How the source is named in logs. */
    public String label() {
        return label;
    }
}
