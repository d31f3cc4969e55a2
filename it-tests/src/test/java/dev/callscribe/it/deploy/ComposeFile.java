package dev.callscribe.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose file read as {@code docker compose} reads it (the subset this project's files use): services with their
 * image, command, environment, volumes and ports, every value interpolated. An override file
 * ({@code compose.gpu.yml}) reads the same way, each service holding only what the override sets.
 */
final class ComposeFile {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path file;
    private final Map<String, ComposeService> services;

    private ComposeFile(Path file, Map<String, ComposeService> services) {
        this.file = file;
        this.services = services;
    }

    /**
     * Reads and interpolates a compose file.
     *
     * @param variables the compose variables set (as in a {@code .env} file); all others are unset
     */
    static ComposeFile read(Path file, Map<String, String> variables) {
        ComposeInterpolation interpolation = new ComposeInterpolation(variables);
        Map<String, ComposeService> services = new LinkedHashMap<>();
        tree(file).path("services").properties()
                .forEach(entry -> services.put(entry.getKey(), service(entry.getKey(), entry.getValue(),
                        interpolation)));
        return new ComposeFile(file, Map.copyOf(services));
    }

    /** The folder holding the project's docker-compose.yml: this module's parent, or the nearest one above. */
    static Path projectDirectory() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isRegularFile(folder.resolve("docker-compose.yml"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("no docker-compose.yml in " + Path.of("").toAbsolutePath()
                    + " or a folder above it");
        }
        return folder;
    }

    /** The service of that name. */
    ComposeService service(String name) {
        ComposeService service = services.get(name);
        if (service == null) {
            throw new AssertionError(file.getFileName() + " has no service " + name + "; it has "
                    + services.keySet());
        }
        return service;
    }

    /** Every service, in no particular order. */
    List<ComposeService> services() {
        return List.copyOf(services.values());
    }

    /** The services that run the callscribe image. */
    List<ComposeService> callscribeServices() {
        return services.values().stream().filter(ComposeService::runsCallscribe).toList();
    }

    private static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ComposeService service(String name, JsonNode node, ComposeInterpolation interpolation) {
        return new ComposeService(name, interpolation.resolve(node.path("image").asText("")),
                command(node.path("command"), interpolation), environment(node.path("environment"), interpolation),
                strings(node.path("volumes"), interpolation), strings(node.path("ports"), interpolation));
    }

    private static List<String> command(JsonNode command, ComposeInterpolation interpolation) {
        if (command.isTextual()) {
            return Arrays.stream(interpolation.resolve(command.asText()).trim().split("\\s+")).toList();
        }
        return strings(command, interpolation);
    }

    /** The map form ({@code KEY: value}) and the list form ({@code - KEY=value}). */
    private static Map<String, String> environment(JsonNode environment, ComposeInterpolation interpolation) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.properties().forEach(entry -> variables.put(entry.getKey(),
                    interpolation.resolve(entry.getValue().asText())));
        }
        for (String assignment : strings(environment, interpolation)) {
            int equals = assignment.indexOf('=');
            variables.put(equals < 0 ? assignment : assignment.substring(0, equals),
                    equals < 0 ? "" : assignment.substring(equals + 1));
        }
        return variables;
    }

    private static List<String> strings(JsonNode array, ComposeInterpolation interpolation) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(value -> values.add(interpolation.resolve(value.asText())));
        }
        return values;
    }
}
