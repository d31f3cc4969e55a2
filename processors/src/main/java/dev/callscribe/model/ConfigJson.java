package dev.callscribe.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of a model's JSON configuration files, read key by key with errors that name the file, the key, the value
 * found and what was expected. A JSON {@code null} counts as absent, as it does for Hugging Face. An optional file
 * that does not exist reads as empty.
 *
 * <p>Immutable and thread-safe.
 */
final class ConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private ConfigJson(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** Reads a file that must exist. */
    static ConfigJson read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads a file that may be absent; an absent file has no keys. */
    static ConfigJson readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? read(file) : new ConfigJson(file.toString(), MissingNode.getInstance());
    }

    /** Parses JSON text; {@code name} is what error messages call it. */
    static ConfigJson parse(String json, String name) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelFormatException(name + " is not a JSON object");
            }
            return new ConfigJson(name, root);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the first of the files that has the key, or the first file when none has it. */
    static ConfigJson firstWith(String key, ConfigJson... files) {
        for (ConfigJson file : files) {
            if (file.has(key)) {
                return file;
            }
        }
        return files[0];
    }

    String name() {
        return name;
    }

    boolean has(String key) {
        JsonNode value = root.path(key);
        return !value.isMissingNode() && !value.isNull();
    }

    int requireInt(String key) {
        return optionalInt(key).orElseThrow(() -> new ModelFormatException(
            name + " lacks the required key '" + key + "' (an integer)"));
    }

    OptionalInt optionalInt(String key) {
        return has(key) ? OptionalInt.of(asInt(key, root.get(key))) : OptionalInt.empty();
    }

    Optional<String> optionalString(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = root.get(key);
        if (!value.isTextual()) {
            throw invalid(key, value, "a string");
        }
        return Optional.of(value.asText());
    }

    Optional<Boolean> optionalBoolean(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = root.get(key);
        if (!value.isBoolean()) {
            throw invalid(key, value, "true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** Reads an integer, or the first element of a list of integers (Hugging Face allows both for token ids). */
    OptionalInt optionalIntOrFirst(String key) {
        if (has(key) && root.get(key).isArray()) {
            JsonNode list = root.get(key);
            return list.isEmpty() ? OptionalInt.empty() : OptionalInt.of(asInt(key, list.get(0)));
        }
        return optionalInt(key);
    }

    Optional<List<Integer>> optionalIntList(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode list = requireArray(key);
        List<Integer> values = new ArrayList<>(list.size());
        for (JsonNode element : list) {
            values.add(asInt(key, element));
        }
        return Optional.of(List.copyOf(values));
    }

    /** Reads an object of token text to token id, e.g. {@code lang_to_id}, keeping the file's order. */
    Optional<Map<String, Integer>> optionalIdMap(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode object = root.get(key);
        if (!object.isObject()) {
            throw invalid(key, object, "an object of token text to id");
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            ids.put(entry.getKey(), asInt(key + "." + entry.getKey(), entry.getValue()));
        }
        return Optional.of(ids);
    }

    /** Returns the array under the key; fails naming the key if it is something else. */
    JsonNode requireArray(String key) {
        JsonNode value = root.path(key);
        if (!value.isArray()) {
            throw invalid(key, value, "a list");
        }
        return value;
    }

    private int asInt(String key, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(key, value, "an integer");
        }
        return value.intValue();
    }

    ModelFormatException invalid(String key, JsonNode value, String expected) {
        return new ModelFormatException(name + ": '" + key + "' is " + value + "; expected " + expected);
    }
}
