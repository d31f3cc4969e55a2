package dev.callscribe.longform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns token ids into text: the caller's tokenizer, kept behind this interface so the merge needs no tokenizer.
 * The merge passes only text tokens (no special or timestamp ids) and decodes each segment's tokens in one call,
 * so byte-level pieces of one character are decoded together.
 */
@FunctionalInterface
public interface TokenText {

    /**
     * @param tokenIds text token ids, in order; never null, possibly empty
     * @return their text; never null
     */
    String decode(List<Integer> tokenIds);

    /**
     * Adapts a tokenizer that yields UTF-8 bytes (a byte-level BPE decoder); invalid sequences become U+FFFD,
     * as Hugging Face's {@code errors="replace"}.
     */
    static TokenText fromUtf8(Function<List<Integer>, byte[]> utf8Bytes) {
        Objects.requireNonNull(utf8Bytes, "utf8Bytes");
        return tokenIds -> new String(utf8Bytes.apply(tokenIds), StandardCharsets.UTF_8);
    }
}
