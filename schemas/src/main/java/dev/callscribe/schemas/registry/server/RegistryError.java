package dev.callscribe.schemas.registry.server;

/**
 * A request the registry refuses, with the HTTP status and the REST API's error code for it. Unknown subjects,
 * versions and schemas are the registry's own {@code NotFoundException}s; this covers the rest.
 */
final class RegistryError extends RuntimeException {

    static final int INVALID_SCHEMA = 42201;
    static final int INVALID_VERSION = 42202;
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;
    static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static RegistryError invalidSchema(String message) {
        return new RegistryError(RegistryAnswer.UNPROCESSABLE, INVALID_SCHEMA, message);
    }

    static RegistryError noSubjectLevel(String subject) {
        return new RegistryError(RegistryAnswer.NOT_FOUND, SUBJECT_LEVEL_NOT_CONFIGURED, "Subject '" + subject
                + "' does not have subject-level compatibility configured");
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }
}
