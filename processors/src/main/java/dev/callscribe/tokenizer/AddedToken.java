package dev.callscribe.tokenizer;

import java.util.Objects;

/**
 * One entry of {@code tokenizer.json}'s {@code added_tokens}: a token outside the BPE vocabulary, such as
 * {@code <|startoftranscript|>} (special) or, in Whisper tokenizers, the timestamp tokens {@code <|0.00|>} (which
 * Hugging Face adds as non-special tokens).
 *
 * @param id      the token id
 * @param content the token's text
 * @param special whether decoding skips it
 */
public record AddedToken(int id, String content, boolean special) {

    /** Checks the id is not negative and the content is present. */
    public AddedToken {
        if (id < 0) {
            throw new IllegalArgumentException("added token id must not be negative, got " + id);
        }
        Objects.requireNonNull(content, "content");
    }
}
