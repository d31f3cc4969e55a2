package dev.callscribe.it.support;

import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.app.KnownKeys;
import java.util.Collection;
import java.util.List;

/**
 * Checks deploy files' settings against the keys callscribe reads, so a misspelled variable in a compose file or a
 * Helm chart fails the build instead of being passed on and ignored.
 */
public final class KnownConfigKeys {

    private KnownConfigKeys() {
    }

    /**
     * The {@code CALLSCRIBE_*} variables among those given whose key nothing in callscribe reads; variables without
     * the prefix are not configuration and are never reported.
     */
    public static List<String> unknownVariables(Collection<String> environmentVariableNames) {
        return environmentVariableNames.stream()
                .filter(name -> name.startsWith(EnvironmentVariables.PREFIX))
                .filter(name -> !KnownKeys.isKnown(EnvironmentVariables.configKey(name)))
                .toList();
    }

    /** The keys among those given that nothing in callscribe reads. */
    public static List<String> unknownKeys(Collection<String> keys) {
        return KnownKeys.unknown(keys);
    }
}
