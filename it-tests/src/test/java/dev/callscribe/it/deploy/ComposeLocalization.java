package dev.callscribe.it.deploy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the compose network's addresses and the containers' paths are when the services run as local processes: each
 * compose value ({@code kafka:19092}, {@code http://registry:8080}, {@code /var/lib/callscribe}) maps to a local one,
 * and every occurrence of it in a configuration value is replaced, the longest first. Everything else in the value
 * stays as the compose file wrote it, so a wrong path or port in the file still fails where it is used. Immutable.
 */
final class ComposeLocalization {

    private final Map<String, String> replacements;

    private ComposeLocalization(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
    }

    /** No replacements yet. */
    static ComposeLocalization none() {
        return new ComposeLocalization(Map.of());
    }

    /** This localization plus one more replacement. */
    ComposeLocalization with(String composeValue, String localValue) {
        Map<String, String> more = new LinkedHashMap<>(replacements);
        more.put(composeValue, localValue);
        return new ComposeLocalization(more);
    }

    /**
     * The value with every compose address and path replaced by its local counterpart, in one pass (a local path
     * that happens to contain a compose value is not replaced again).
     */
    String apply(String value) {
        if (replacements.isEmpty()) {
            return value;
        }
        String alternatives = replacements.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile(alternatives).matcher(value)
                .replaceAll(match -> Matcher.quoteReplacement(replacements.get(match.group())));
    }

    /** Every value of the map localized; the keys stay. */
    Map<String, String> apply(Map<String, String> values) {
        Map<String, String> localized = new LinkedHashMap<>();
        values.forEach((key, value) -> localized.put(key, apply(value)));
        return localized;
    }
}
