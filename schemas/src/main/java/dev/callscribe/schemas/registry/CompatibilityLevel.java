package dev.callscribe.schemas.registry;

import java.util.Arrays;
import java.util.Locale;

/**
 * The Schema Registry's compatibility levels. BACKWARD (the registry's default) means consumers using the new
 * schema can read data written with the previous one; the TRANSITIVE variants check every earlier version, not only
 * the latest.
 */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** Whether a new schema must be checked against every earlier version rather than the latest alone. */
    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /** Whether the new schema must be able to read data written with earlier ones. */
    public boolean checksBackward() {
        return name().startsWith("BACKWARD") || name().startsWith("FULL");
    }

    /** Whether earlier schemas must be able to read data written with the new one. */
    public boolean checksForward() {
        return name().startsWith("FORWARD") || name().startsWith("FULL");
    }

    /**
     * Parses a level as the REST API spells it, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid levels
     */
    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + text + "', expected one of "
                    + Arrays.toString(values()), e);
        }
    }
}
