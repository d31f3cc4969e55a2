package dev.callscribe.publish;

/** A publish run failed: a chunk could not be serialized, sent or acknowledged. The message says which and why. */
public class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
