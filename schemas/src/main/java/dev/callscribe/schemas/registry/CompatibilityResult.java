package dev.callscribe.schemas.registry;

import java.util.List;

/**
 * The answer to a compatibility check.
 *
 * @param compatible whether the schema may be registered
 * @param messages why not, in the registry's words; empty when compatible or when the registry gave no reasons
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}
