package dev.callscribe.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile that a compose service's container inherits, read as Docker reads them (continued
 * lines joined, comments dropped): the final stage's {@code ENV}, {@code USER}, {@code EXPOSE}, {@code HEALTHCHECK}
 * and {@code ENTRYPOINT}, and the {@code ARG} defaults declared before the first {@code FROM}.
 *
 * @param environment the variables of the final stage's {@code ENV} instructions, in order
 * @param arguments   global {@code ARG} names and their defaults
 * @param user        the final stage's {@code USER}, or empty
 * @param exposed     the final stage's {@code EXPOSE} ports
 * @param healthcheck the final stage's {@code HEALTHCHECK} line, or empty
 * @param entrypoint  the final stage's {@code ENTRYPOINT} as written (exec form: a JSON array), or empty
 */
record ComposeDockerfile(Map<String, String> environment, Map<String, String> arguments, String user,
        List<String> exposed, String healthcheck, String entrypoint) {

    /** {@code KEY=value} or {@code KEY="value with spaces"}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    /** Reads a Dockerfile. */
    static ComposeDockerfile read(Path file) {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> arguments = new LinkedHashMap<>();
        List<String> exposed = new ArrayList<>();
        String[] last = {"", "", ""}; // user, healthcheck, entrypoint
        boolean beforeFirstFrom = true;
        for (String line : instructions(file)) {
            String keyword = line.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            String rest = line.substring(keyword.length()).trim();
            if (keyword.equals("FROM")) {
                beforeFirstFrom = false;
                environment.clear();
                exposed.clear();
                last = new String[] {"", "", ""};
            }
            switch (keyword) {
                case "ARG" -> {
                    if (beforeFirstFrom) {
                        arguments.putAll(assignments(rest));
                    }
                }
                case "ENV" -> environment.putAll(assignments(rest));
                case "EXPOSE" -> exposed.addAll(List.of(rest.split("\\s+")));
                case "USER" -> last[0] = rest;
                case "HEALTHCHECK" -> last[1] = rest;
                case "ENTRYPOINT" -> last[2] = rest;
                default -> { }
            }
        }
        return new ComposeDockerfile(environment, arguments, last[0], exposed, last[1], last[2]);
    }

    private static Map<String, String> assignments(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = ASSIGNMENT.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            values.put(matcher.group(1), value);
        }
        return values;
    }

    /** The logical lines: comments and blank lines dropped, lines ending in a backslash joined to the next. */
    private static List<String> instructions(Path file) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
