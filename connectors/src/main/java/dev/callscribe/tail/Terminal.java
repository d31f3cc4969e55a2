package dev.callscribe.tail;

import java.io.Console;
import java.util.Map;

/**
 * What is known about where standard output goes: whether it is a terminal that understands ANSI control sequences,
 * and how wide it is.
 *
 * @param interactive whether standard output is a terminal that lines may be rewritten on
 * @param columns the terminal's width in characters (at least {@link #MIN_COLUMNS})
 */
public record Terminal(boolean interactive, int columns) {

    /** The width assumed when the terminal does not say (COLUMNS is rarely exported to programs). */
    public static final int DEFAULT_COLUMNS = 80;
    /** The narrowest width a view lays lines out for. */
    public static final int MIN_COLUMNS = 20;

    public Terminal {
        if (columns < MIN_COLUMNS) {
            throw new IllegalArgumentException("a terminal must be at least " + MIN_COLUMNS + " columns wide, was "
                    + columns);
        }
    }

    /** Not a terminal: a pipe or a file, where no control sequences belong. */
    public static Terminal none() {
        return new Terminal(false, DEFAULT_COLUMNS);
    }

    /**
     * Looks at this process: standard output is a terminal when the JVM has a console that is a terminal, and
     * {@code TERM} is not {@code dumb}; the width is {@code COLUMNS} when set, else {@link #DEFAULT_COLUMNS}.
     *
     * @param environment the process environment
     */
    public static Terminal detect(Map<String, String> environment) {
        Console console = System.console();
        boolean interactive = console != null && isTerminal(console) && !"dumb".equals(environment.get("TERM"));
        return new Terminal(interactive, columns(environment.get("COLUMNS")));
    }

    private static int columns(String given) {
        try {
            return given == null ? DEFAULT_COLUMNS : Math.max(MIN_COLUMNS, Integer.parseInt(given.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    /**
     * Up to Java 21 a console exists only when standard input and output are both terminals; from Java 22 one may
     * exist for redirected output too, and {@code Console.isTerminal()} (looked up reflectively, as the build targets
     * Java 17) tells them apart.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
