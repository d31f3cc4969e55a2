package dev.callscribe.tokenizer;

/**
 * A {@code tokenizer.json} that this tokenizer cannot read: malformed JSON, a model other than byte-level BPE, or a
 * missing Whisper special token. The message names what was found and what was expected.
 */
public final class TokenizerFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found, where, and what was expected
     */
    public TokenizerFormatException(String message) {
        super(message);
    }

    /**
     * @param message what was found, where, and what was expected
     * @param cause   the parser's own error
     */
    public TokenizerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
