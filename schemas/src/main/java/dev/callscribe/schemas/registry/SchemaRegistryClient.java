package dev.callscribe.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The operations of the Confluent Schema Registry REST API that callscribe uses, for Avro schemas.
 *
 * <p>Two implementations: {@link RestSchemaRegistryClient} talks to a real registry (Confluent, Apicurio's ccompat
 * API, Karapace, Redpanda), and {@link InMemorySchemaRegistry} keeps everything in memory for the embedded mode and
 * tests ({@code schema.registry.url=mock://scope}). {@link SchemaRegistryClients#create} picks one from the
 * configuration.
 *
 * <p>Implementations are thread-safe. Failures are {@link SchemaRegistryException}s: {@link NotFoundException} for
 * an unknown subject, version or schema id, {@link IncompatibleSchemaException} when a registration breaks the
 * subject's compatibility rule, {@link RegistryUnavailableException} when the registry cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers a schema under a subject, or finds it if the subject already has it.
     *
     * @return the schema's global id
     * @throws IncompatibleSchemaException if the subject's compatibility rule rejects it
     */
    int register(String subject, Schema schema);

    /**
     * Looks up the id of a schema already registered under a subject, without registering it.
     *
     * @throws NotFoundException if the subject does not exist or does not hold this schema
     */
    int getId(String subject, Schema schema);

    /**
     * Fetches a schema by its global id, as a deserializer does with the id in a record's header.
     *
     * @throws NotFoundException if no schema has this id
     */
    Schema getSchemaById(int id);

    /** The latest version registered under a subject. */
    RegisteredSchema getLatest(String subject);

    /** One version of a subject (versions start at 1). */
    RegisteredSchema getVersion(String subject, int version);

    /** The versions registered under a subject, oldest first. */
    List<Integer> getVersions(String subject);

    /** All subjects the registry holds. */
    List<String> getSubjects();

    /** Whether a schema could be registered under a subject now, and if not, why. */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** The compatibility level in force for a subject (its own, else the global one). */
    CompatibilityLevel getCompatibility(String subject);

    /** Sets a subject's own compatibility level. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** The registry's global compatibility level. */
    CompatibilityLevel getGlobalCompatibility();

    /** Sets the registry's global compatibility level. */
    void setGlobalCompatibility(CompatibilityLevel level);

    /**
     * Deletes a subject (soft delete, as the REST API's default).
     *
     * @return the versions that were deleted
     */
    List<Integer> deleteSubject(String subject);

    /** Releases connections; idempotent. Clients shared through a {@code mock://} scope ignore it. */
    @Override
    void close();
}
