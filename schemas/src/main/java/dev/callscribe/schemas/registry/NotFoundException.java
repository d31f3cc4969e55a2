package dev.callscribe.schemas.registry;

/**
 * The registry has no such subject, version or schema (HTTP 404; error codes 40401 subject, 40402 version, 40403
 * schema). A deserializer meeting an unknown schema id sees this one.
 */
public class NotFoundException extends SchemaRegistryException {

    /** Confluent's error code for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for an unknown version of a subject. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent's error code for an unknown schema (by id, or under a subject). */
    public static final int SCHEMA_NOT_FOUND = 40403;

    public NotFoundException(String message, int errorCode) {
        super(message, 404, errorCode);
    }
}
