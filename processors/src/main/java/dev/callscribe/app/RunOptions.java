package dev.callscribe.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code callscribe run} was asked to do.
 *
 * @param roles role names or {@link Roles#ALL}; at least one
 * @param embedded whether to start an in-process broker and schema registry for the roles
 * @param configFile the properties file, if any
 * @param overrides the {@code --set key=value} options, highest precedence
 */
public record RunOptions(List<String> roles, boolean embedded, Optional<Path> configFile,
        Map<String, String> overrides) {

    public RunOptions {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("name at least one role, or " + Roles.ALL);
        }
        Objects.requireNonNull(configFile, "configFile");
        overrides = Map.copyOf(overrides);
    }

    /** Every role, against a configured broker, with no file and no overrides. */
    public static RunOptions defaults() {
        return new RunOptions(List.of(Roles.ALL), false, Optional.empty(), Map.of());
    }

    /** A copy with other roles. */
    public RunOptions withRoles(List<String> newRoles) {
        return new RunOptions(newRoles, embedded, configFile, overrides);
    }

    /** A copy with the embedded broker on or off. */
    public RunOptions withEmbedded(boolean newEmbedded) {
        return new RunOptions(roles, newEmbedded, configFile, overrides);
    }

    /** A copy reading a properties file. */
    public RunOptions withConfigFile(Path file) {
        return new RunOptions(roles, embedded, Optional.of(file), overrides);
    }

    /** A copy with command-line overrides. */
    public RunOptions withOverrides(Map<String, String> newOverrides) {
        return new RunOptions(roles, embedded, configFile, newOverrides);
    }
}
