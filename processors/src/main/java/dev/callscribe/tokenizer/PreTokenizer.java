package dev.callscribe.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenization, as Hugging Face's ByteLevel pre-tokenizer applies it with {@code use_regex}: contractions,
 * runs of letters, of digits or of other symbols (each with at most one leading space), and whitespace, where a run
 * of spaces before a word leaves its last space to that word.
 *
 * <p>Stateless and thread-safe.
 */
final class PreTokenizer {

    // Unicode classes throughout, as the reference regex engines use for \s.
    private static final Pattern GPT2_SPLIT = Pattern.compile(
        "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
        Pattern.UNICODE_CHARACTER_CLASS);

    private final boolean addPrefixSpace;

    /**
     * @param addPrefixSpace whether a space is put before text that does not start with one, so the first word is
     *                       encoded like any other (tokenizer.json's {@code add_prefix_space}; false for Whisper)
     */
    PreTokenizer(boolean addPrefixSpace) {
        this.addPrefixSpace = addPrefixSpace;
    }

    /** Splits text into the pieces that BPE then encodes one by one; the pieces concatenate back to the input. */
    List<String> split(String text) {
        String input = addPrefixSpace && !text.startsWith(" ") ? " " + text : text;
        List<String> pieces = new ArrayList<>();
        Matcher matcher = GPT2_SPLIT.matcher(input);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }
}
