package dev.callscribe.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration a process runs with, merged from its sources with the precedence command line &gt; environment
 * &gt; file &gt; defaults, remembering where each value came from. Defaults are not stored: the role configurations
 * apply their own. Immutable and thread-safe.
 */
public final class EffectiveConfig {

    private final Map<String, String> values;
    private final Map<String, ConfigSource> sources;

    private EffectiveConfig(Map<String, String> values, Map<String, ConfigSource> sources) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /**
     * Merges the sources.
     *
     * @param file the properties file's keys and values, empty when there is no file
     * @param environment the process environment (all variables; only {@code CALLSCRIBE_} ones are read)
     * @param overrides the {@code --set key=value} options
     */
    public static EffectiveConfig merge(Map<String, String> file, Map<String, String> environment,
            Map<String, String> overrides) {
        EffectiveConfig config = new EffectiveConfig(Map.of(), Map.of());
        config = config.withAll(file, ConfigSource.FILE);
        config = config.withAll(EnvironmentVariables.configFrom(environment), ConfigSource.ENVIRONMENT);
        return config.withAll(overrides, ConfigSource.COMMAND_LINE);
    }

    /** The keys and values of a properties file, read as UTF-8 with {@link Properties} syntax. */
    public static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }

    /** A copy with one value set from a source, replacing any earlier value. */
    public EffectiveConfig with(String key, String value, ConfigSource source) {
        return withAll(Map.of(key, value), source);
    }

    /** A copy with a value set only if no source gave the key. */
    public EffectiveConfig withIfAbsent(String key, String value, ConfigSource source) {
        return values.containsKey(key) ? this : with(key, value, source);
    }

    /** Every key given, with its value; sorted by key. */
    public Map<String, String> values() {
        return values;
    }

    /** Where a key's value came from; {@link ConfigSource#DEFAULT} when no source gave it. */
    public ConfigSource sourceOf(String key) {
        return sources.getOrDefault(key, ConfigSource.DEFAULT);
    }

    /** The given value of a key, if any. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The keys parsed and checked against {@link AppConfig#CONFIG_DEF}; throws ConfigException naming a bad key. */
    public AppConfig appConfig() {
        return new AppConfig(values);
    }

    /** What the roles are given: every key except those of the hosting process ({@link AppConfig#PROCESS_KEYS}). */
    public Map<String, String> roleConfig() {
        return values.entrySet().stream()
                .filter(entry -> !AppConfig.PROCESS_KEYS.contains(entry.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The effective configuration for the log: every key {@link AppConfig} defines and every key given, one per
     * line as {@code key = value (source)}, sorted, secrets masked ({@link Secrets}).
     */
    public String describe() {
        Map<String, ?> parsed = appConfig().values();
        TreeSet<String> keys = new TreeSet<>(parsed.keySet());
        keys.addAll(values.keySet());
        return keys.stream()
                .map(key -> "  " + key + " = " + Secrets.masked(key, shown(key, parsed)) + " ("
                        + sourceOf(key).label() + ")")
                .collect(Collectors.joining("\n"));
    }

    private String shown(String key, Map<String, ?> parsed) {
        if (values.containsKey(key)) {
            return values.get(key);
        }
        Object value = parsed.get(key);
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : text;
    }

    private EffectiveConfig withAll(Map<String, String> given, ConfigSource source) {
        Map<String, String> newValues = new TreeMap<>(values);
        Map<String, ConfigSource> newSources = new TreeMap<>(sources);
        given.forEach((key, value) -> {
            newValues.put(key, value);
            newSources.put(key, source);
        });
        return new EffectiveConfig(newValues, newSources);
    }
}
