package dev.callscribe.schemas.serde;

import dev.callscribe.schemas.registry.AvroCompatibility;
import dev.callscribe.schemas.registry.RegisteredSchema;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides which registered schema a record is written with, as Confluent's serializer does: register the record's
 * schema ({@code auto.register.schemas}), use the subject's latest version ({@code use.latest.version}), or look the
 * record's schema up and fail if it was never registered.
 */
final class WriterSchemaResolver {

    /** The schema to write with and its id. */
    record WriterSchema(int id, Schema schema) {
    }

    private final SchemaRegistryClient registry;
    private final AvroSerdeConfig config;
    private final ConcurrentMap<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    WriterSchemaResolver(SchemaRegistryClient registry, AvroSerdeConfig config) {
        this.registry = registry;
        this.config = config;
    }

    WriterSchema resolve(String subject, Schema recordSchema) {
        if (config.autoRegisterSchemas()) {
            return new WriterSchema(registry.register(subject, recordSchema), recordSchema);
        }
        if (config.useLatestVersion()) {
            return latest(subject, recordSchema);
        }
        return new WriterSchema(registry.getId(subject, recordSchema), recordSchema);
    }

    private WriterSchema latest(String subject, Schema recordSchema) {
        RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, registry::getLatest);
        if (config.latestCompatibilityStrict()) {
            List<String> problems = AvroCompatibility.readProblems("the latest version of '" + subject
                    + "' cannot read the record", latest.schema(), recordSchema);
            if (!problems.isEmpty()) {
                throw new SerializationException("Cannot write a " + recordSchema.getFullName() + " with version "
                        + latest.version() + " of subject '" + subject + "' (" + AvroSerdeConfig
                        .LATEST_COMPATIBILITY_STRICT_CONFIG + "=true): " + problems);
            }
        }
        return new WriterSchema(latest.id(), latest.schema());
    }
}
