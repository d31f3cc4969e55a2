package dev.callscribe.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A Schema Registry kept in memory, behaving like the real one where callscribe relies on it: ids are global and
 * the same schema text gets the same id in every subject; versions count from 1 per subject; registrations are
 * checked against the subject's compatibility level (BACKWARD unless set); deleted subjects keep their ids
 * resolvable. Thread-safe. Obtain shared instances through {@link MockSchemaRegistry}, or serve one to other
 * processes with {@code dev.callscribe.schemas.registry.server.RegistryServer}; {@link #contents()} and
 * {@link #restore(Contents)} carry it across restarts.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    /**
     * Everything the registry holds, to be saved and restored.
     *
     * @param globalLevel   the global compatibility level
     * @param subjectLevels the subjects' own levels
     * @param schemasById   every schema ever registered, by id (those of deleted subjects too)
     * @param subjects      the schema ids of each subject's versions, oldest first
     */
    public record Contents(CompatibilityLevel globalLevel, Map<String, CompatibilityLevel> subjectLevels,
            Map<Integer, Schema> schemasById, Map<String, List<Integer>> subjects) {

        public Contents {
            subjectLevels = Map.copyOf(subjectLevels);
            schemasById = Map.copyOf(schemasById);
            subjects = new LinkedHashMap<>(subjects);
            subjects.replaceAll((subject, ids) -> List.copyOf(ids));
        }
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredSchema existing : versions) {
            if (existing.schema().equals(schema)) {
                return existing.id();
            }
        }
        List<String> violations = AvroCompatibility.violations(getCompatibility(subject), schema, schemasOf(versions));
        if (!violations.isEmpty()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema "
                    + "for subject '" + subject + "' (" + getCompatibility(subject) + "): " + violations);
        }
        int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> schemasById.size() + 1);
        schemasById.put(id, schema);
        versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        return versionsOf(subject).stream()
                .filter(version -> version.schema().equals(schema))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Subject '" + subject + "' does not hold this schema",
                        NotFoundException.SCHEMA_NOT_FOUND))
                .id();
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new NotFoundException("Schema id " + id + " is not in the in-memory registry",
                    NotFoundException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<RegisteredSchema> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<RegisteredSchema> versions = versionsOf(subject);
        if (version < 1 || version > versions.size()) {
            throw new NotFoundException("Subject '" + subject + "' has no version " + version + "; it has 1 to "
                    + versions.size(), NotFoundException.VERSION_NOT_FOUND);
        }
        return versions.get(version - 1);
    }

    @Override
    public synchronized List<Integer> getVersions(String subject) {
        return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public synchronized List<String> getSubjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        List<String> violations = AvroCompatibility.violations(getCompatibility(subject), schema, schemasOf(versions));
        return new CompatibilityResult(violations.isEmpty(), violations);
    }

    /**
     * Whether a schema could be registered under a subject as a successor of one of its versions alone, as the
     * REST API's {@code POST /compatibility/subjects/<subject>/versions/<version>} checks.
     *
     * @throws NotFoundException if the subject or the version does not exist
     */
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema, int version) {
        Schema against = getVersion(subject, version).schema();
        CompatibilityLevel level = getCompatibility(subject);
        List<String> violations = AvroCompatibility.violations(level, schema, List.of(against));
        return new CompatibilityResult(violations.isEmpty(), violations);
    }

    /** The versions, in every subject, that hold the schema with this id; empty for an unknown id. */
    public synchronized List<RegisteredSchema> versionsWithId(int id) {
        return subjects.values().stream().flatMap(List::stream).filter(version -> version.id() == id).toList();
    }

    /** A subject's own compatibility level, if it has one (otherwise the global level applies). */
    public synchronized Optional<CompatibilityLevel> ownCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Removes a subject's own compatibility level, so the global one applies again; returns the removed level. */
    public synchronized Optional<CompatibilityLevel> clearCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.remove(subject));
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    @Override
    public synchronized CompatibilityLevel getGlobalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = level;
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> deleted = getVersions(subject);
        subjects.remove(subject);
        subjectLevels.remove(subject);
        return deleted;
    }

    /** A copy of everything the registry holds. */
    public synchronized Contents contents() {
        Map<String, List<Integer>> ids = new LinkedHashMap<>();
        subjects.forEach((subject, versions) -> ids.put(subject, versions.stream().map(RegisteredSchema::id)
                .toList()));
        return new Contents(globalLevel, subjectLevels, schemasById, ids);
    }

    /** A registry holding what {@link #contents()} returned: the same ids, versions and levels. */
    public static InMemorySchemaRegistry restore(Contents contents) {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.globalLevel = contents.globalLevel();
        registry.subjectLevels.putAll(contents.subjectLevels());
        new TreeMap<>(contents.schemasById()).forEach((id, schema) -> {
            registry.schemasById.put(id, schema);
            registry.idsBySchemaText.put(schema.toString(), id);
        });
        contents.subjects().forEach((subject, ids) -> {
            List<RegisteredSchema> versions = new ArrayList<>();
            for (int id : ids) {
                versions.add(new RegisteredSchema(subject, versions.size() + 1, id, registry.getSchemaById(id)));
            }
            registry.subjects.put(subject, versions);
        });
        return registry;
    }

    /** Shared through a scope; closing one user's handle must not affect the others. */
    @Override
    public void close() {
        // nothing to release
    }

    private List<RegisteredSchema> versionsOf(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new NotFoundException("Subject '" + subject + "' not found", NotFoundException.SUBJECT_NOT_FOUND);
        }
        return versions;
    }

    private static List<Schema> schemasOf(List<RegisteredSchema> versions) {
        return versions.stream().map(RegisteredSchema::schema).toList();
    }
}
