package dev.callscribe.model;

/**
 * A model folder or repository that cannot be used as it is: a missing or malformed configuration value, a missing
 * ONNX file or variant, or files that contradict each other. The message names the file, the key or file name, what
 * was found and what was expected.
 */
public final class ModelFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the file and key, what was found and what was expected
     */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message the file and key, what was found and what was expected
     * @param cause   the underlying error
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
