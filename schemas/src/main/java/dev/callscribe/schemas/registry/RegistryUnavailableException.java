package dev.callscribe.schemas.registry;

/**
 * The registry could not be reached, timed out, or kept answering with server errors after every retry. Transient
 * by nature: a caller may try again later.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

    public RegistryUnavailableException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, UNKNOWN, cause);
    }
}
