package dev.callscribe.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject: the schema, its global id and its version number within the subject.
 *
 * @param subject the subject, for example {@code calls.audio-value}
 * @param version the version within the subject, from 1
 * @param id the schema's global id, the one written into each record's header
 * @param schema the schema itself
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }
}
