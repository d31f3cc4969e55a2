package dev.callscribe.it.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as {@code docker compose} applies it to the values of a compose file:
 * {@code ${VAR}} and {@code $VAR} (empty when unset), {@code ${VAR:-default}} (the default when unset or empty),
 * {@code ${VAR-default}} (when unset), {@code ${VAR:?message}} and {@code ${VAR?message}} (an error when unset or
 * empty, or unset), and {@code $$} for a literal {@code $}. The variables are given, not read from this process's
 * environment, so a test resolves the file the same way on every machine.
 */
final class ComposeInterpolation {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private final Map<String, String> variables;

    /** Interpolation with these variables set (name to value); every other variable is unset. */
    ComposeInterpolation(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /**
     * The text with every reference replaced.
     *
     * @throws IllegalArgumentException for a {@code ?} reference to a variable that is missing, with its message
     */
    String resolve(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement(matcher)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String replacement(Matcher reference) {
        if (reference.group(1) != null) {
            return "$";
        }
        if (reference.group(5) != null) {
            return variables.getOrDefault(reference.group(5), "");
        }
        String name = reference.group(2);
        String operator = reference.group(3);
        String value = variables.get(name);
        if (operator == null) {
            return value == null ? "" : value;
        }
        boolean missing = value == null || operator.startsWith(":") && value.isEmpty();
        if (!missing) {
            return value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalArgumentException("compose variable " + name + " is required: " + reference.group(4));
        }
        return reference.group(4);
    }
}
