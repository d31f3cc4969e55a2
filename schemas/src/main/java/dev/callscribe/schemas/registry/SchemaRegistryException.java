package dev.callscribe.schemas.registry;

/**
 * A Schema Registry request that failed. Carries the HTTP status and the registry's own error code (Confluent's
 * {@code error_code}, for example 40403 for an unknown schema id) when the registry answered; both are -1 when it
 * did not.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Status or error code that is not known because no answer came. */
    public static final int UNKNOWN = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    /** The HTTP status of the registry's answer, or {@link #UNKNOWN}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's error code, or {@link #UNKNOWN}. */
    public int errorCode() {
        return errorCode;
    }
}
