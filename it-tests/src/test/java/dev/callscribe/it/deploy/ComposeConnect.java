package dev.callscribe.it.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compose file's Kafka Connect set-up as files: the worker's properties, and the connectors the one-shot
 * registration service creates (each {@code connectors/NAME.json} beside its script is connector NAME's
 * configuration, as {@code deploy/connect/register-connectors.sh} sends it with {@code PUT /connectors/NAME/config}).
 */
final class ComposeConnect {

    /** A worker config provider reference to an environment variable: {@code ${env:NAME}}. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeConnect() {
    }

    /** A properties file as a map. */
    static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** The connectors of a folder: file name without {@code .json} to its configuration. */
    static Map<String, Map<String, String>> connectors(Path folder) {
        Map<String, Map<String, String>> connectors = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json")).forEach(file -> connectors.put(
                    file.getFileName().toString().replaceFirst("\\.json$", ""), json(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return connectors;
    }

    /**
     * The configuration with every {@code ${env:NAME}} replaced by the worker's variable, as the worker's
     * EnvVarConfigProvider does.
     *
     * @throws AssertionError when the worker's environment does not set a variable the configuration reads
     */
    static Map<String, String> resolveEnvironment(Map<String, String> config, Map<String, String> workerEnvironment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        config.forEach((key, value) -> resolved.put(key, ENV_REFERENCE.matcher(value).replaceAll(reference -> {
            String variable = reference.group(1);
            if (!workerEnvironment.containsKey(variable)) {
                throw new AssertionError(key + " reads ${env:" + variable + "}, which the Connect worker's "
                        + "environment does not set: " + workerEnvironment.keySet());
            }
            return Matcher.quoteReplacement(workerEnvironment.get(variable));
        })));
        return resolved;
    }

    private static Map<String, String> json(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as a JSON object of strings", e);
        }
    }
}
