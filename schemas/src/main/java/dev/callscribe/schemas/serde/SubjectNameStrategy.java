package dev.callscribe.schemas.serde;

import org.apache.avro.Schema;

/**
 * Decides the registry subject a record's schema is registered and looked up under. The built-in strategies are
 * {@link SubjectNameStrategies}; a custom one is any class implementing this with a public no-argument constructor,
 * named in {@code key.subject.name.strategy} or {@code value.subject.name.strategy}.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * The subject for a schema written to a topic.
     *
     * @param topic the topic the record goes to or came from
     * @param isKey whether the schema is the record key's
     * @param schema the schema being written
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
