package dev.callscribe.app;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configuration keys from environment variables, named as Confluent's Docker images name them: the prefix
 * {@code CALLSCRIBE_}, then the key upper-cased with {@code .} written {@code _}, {@code _} written {@code __} and
 * {@code -} written {@code ___}. So {@code CALLSCRIBE_BOOTSTRAP_SERVERS} is {@code bootstrap.servers} and
 * {@code CALLSCRIBE_TOPIC_CALLS_WINDOW___TRANSCRIPTS} is {@code topic.calls.window-transcripts}.
 */
public final class EnvironmentVariables {

    /** The prefix of every variable read as configuration. */
    public static final String PREFIX = "CALLSCRIBE_";

    private static final int DASH_RUN = 3;

    private EnvironmentVariables() {
    }

    /** The configuration keys and values among the given variables; others are ignored. Sorted by key. */
    public static Map<String, String> configFrom(Map<String, String> environment) {
        Map<String, String> config = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                config.put(configKey(name), value);
            }
        });
        return config;
    }

    /** The key a {@code CALLSCRIBE_} variable sets. */
    public static String configKey(String variable) {
        if (!variable.startsWith(PREFIX)) {
            throw new IllegalArgumentException("environment variable " + variable + " does not start with " + PREFIX);
        }
        String name = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int run = underscoresAt(name, i);
            if (run == 0) {
                key.append(name.charAt(i));
                i++;
            } else {
                key.append(separators(run));
                i += run;
            }
        }
        return key.toString();
    }

    /** The variable that sets a key: the inverse of {@link #configKey(String)}. */
    public static String variableName(String key) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (char c : key.toCharArray()) {
            switch (c) {
                case '.' -> name.append('_');
                case '_' -> name.append("__");
                case '-' -> name.append("___");
                default -> name.append(Character.toUpperCase(c));
            }
        }
        return name.toString();
    }

    private static int underscoresAt(String name, int from) {
        int end = from;
        while (end < name.length() && name.charAt(end) == '_') {
            end++;
        }
        return end - from;
    }

    /** A run of underscores, read as Confluent's images read it: {@code ___} first, then {@code __}, then {@code _}. */
    private static String separators(int run) {
        StringBuilder text = new StringBuilder();
        int left = run;
        while (left >= DASH_RUN) {
            text.append('-');
            left -= DASH_RUN;
        }
        if (left == 2) {
            text.append('_');
        } else if (left == 1) {
            text.append('.');
        }
        return text.toString();
    }
}
