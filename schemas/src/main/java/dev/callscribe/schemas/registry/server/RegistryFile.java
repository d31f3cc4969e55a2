package dev.callscribe.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry.Contents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * An {@link InMemorySchemaRegistry} kept in a JSON file, so a registry served again after a restart has the same
 * subjects, versions, levels and, above all, the same schema ids: the ids inside records already written stay
 * readable. Each save writes a new file and moves it over the old one, so a crash mid-save leaves the last good copy.
 */
public final class RegistryFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** The registry kept in {@code file}; the file need not exist yet. */
    public RegistryFile(Path file) {
        this.file = file;
    }

    /**
     * The registry the file holds, or an empty one when there is no file yet.
     *
     * @throws UncheckedIOException when the file cannot be read or is not a registry saved by {@link #save}, naming
     *     it
     */
    public InMemorySchemaRegistry load() {
        if (!Files.exists(file)) {
            return new InMemorySchemaRegistry();
        }
        try {
            return InMemorySchemaRegistry.restore(contents(JSON.readTree(file.toFile())));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the saved schema registry " + file + ": "
                    + e.getMessage() + " (move it away to start with an empty registry)", e));
        }
    }

    /** Saves what the registry holds now. */
    public synchronized void save(InMemorySchemaRegistry registry) {
        Contents contents = registry.contents();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            JSON.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), json(contents));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the schema registry to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode json(Contents contents) {
        ObjectNode root = JSON.createObjectNode().put("globalLevel", contents.globalLevel().name());
        ObjectNode levels = root.putObject("subjectLevels");
        contents.subjectLevels().forEach((subject, level) -> levels.put(subject, level.name()));
        ObjectNode schemas = root.putObject("schemas");
        contents.schemasById().forEach((id, schema) -> schemas.put(Integer.toString(id), schema.toString()));
        ObjectNode subjects = root.putObject("subjects");
        contents.subjects().forEach((subject, ids) -> ids.forEach(subjects.putArray(subject)::add));
        return root;
    }

    private static Contents contents(JsonNode root) {
        Map<String, CompatibilityLevel> levels = new HashMap<>();
        root.path("subjectLevels").fields().forEachRemaining(entry ->
                levels.put(entry.getKey(), CompatibilityLevel.parse(entry.getValue().asText())));
        Map<Integer, Schema> schemas = new HashMap<>();
        root.path("schemas").fields().forEachRemaining(entry ->
                schemas.put(Integer.parseInt(entry.getKey()), new Schema.Parser().parse(entry.getValue().asText())));
        Map<String, List<Integer>> subjects = new LinkedHashMap<>();
        root.path("subjects").fields().forEachRemaining(entry -> {
            List<Integer> ids = new ArrayList<>();
            entry.getValue().forEach(id -> ids.add(id.asInt()));
            subjects.put(entry.getKey(), ids);
        });
        return new Contents(CompatibilityLevel.parse(root.path("globalLevel").asText()), levels, schemas, subjects);
    }
}
