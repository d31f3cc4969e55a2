package dev.callscribe.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whisper's tokenizer, read from a Hugging Face {@code tokenizer.json} (byte-level BPE, GPT-2 style): ids to text for
 * transcripts, text to ids for prompts, and the special and timestamp tokens, all looked up by their text.
 *
 * <p>Decoding skips special tokens and timestamp tokens, and joins the bytes of all tokens before turning them into
 * text, so a character split over several tokens comes out whole; bytes that are not valid UTF-8 (a transcript cut
 * inside a character) become U+FFFD. Every id from {@link #timestampBegin()} on is a timestamp, whether or not the
 * file lists it.
 *
 * <p>Encoding treats its input as plain text: control-token strings such as {@code <|en|>} in a prompt are encoded as
 * ordinary characters, never as control tokens, so prompt text cannot steer the decoder.
 *
 * <p>Immutable and thread-safe.
 */
public final class WhisperTokenizer {

    /** Seconds between consecutive timestamp tokens ({@code <|0.00|>}, {@code <|0.02|>}, ...). */
    public static final double SECONDS_PER_TIMESTAMP = 0.02;

    private static final byte[] NO_BYTES = new byte[0];
    private static final Pattern LANGUAGE_TOKEN = Pattern.compile("<\\|([a-z]{2,3})\\|>");

    private final PreTokenizer preTokenizer;
    private final BytePairEncoder encoder;
    private final Map<String, Integer> idsByText;
    private final byte[][] bytesById;
    private final boolean[] specialById;
    private final WhisperSpecialTokens specialTokens;

    private WhisperTokenizer(TokenizerDefinition definition, String source) {
        this.preTokenizer = new PreTokenizer(definition.addPrefixSpace());
        this.encoder = new BytePairEncoder(definition.vocabulary(), definition.merges(), definition.ignoreMerges());
        this.idsByText = idsByText(definition);
        int size = vocabularySize(definition);
        this.specialById = new boolean[size];
        this.bytesById = new byte[size][];
        definition.vocabulary().forEach((token, id) -> bytesById[id] = ByteLevelAlphabet.decode(token));
        for (AddedToken token : definition.addedTokens()) {
            specialById[token.id()] = token.special();
            bytesById[token.id()] = token.special() ? NO_BYTES : ByteLevelAlphabet.decode(token.content());
        }
        this.specialTokens = lookUpSpecialTokens(definition.addedTokens(), source);
    }

    /**
     * Reads a tokenizer from a {@code tokenizer.json} file.
     *
     * @param tokenizerJson the file
     * @return the tokenizer
     * @throws IOException              if the file cannot be read
     * @throws TokenizerFormatException if it is not a byte-level BPE Whisper tokenizer
     */
    public static WhisperTokenizer load(Path tokenizerJson) throws IOException {
        String json = Files.readString(tokenizerJson, StandardCharsets.UTF_8);
        return fromJson(json, tokenizerJson.toString());
    }

    /**
     * Builds a tokenizer from the text of a {@code tokenizer.json}.
     *
     * @param json   the file's content
     * @param source where it came from, named in error messages
     * @return the tokenizer
     * @throws TokenizerFormatException if it is not a byte-level BPE Whisper tokenizer
     */
    public static WhisperTokenizer fromJson(String json, String source) {
        return new WhisperTokenizer(new TokenizerJsonReader(source).read(json), source);
    }

    private static Map<String, Integer> idsByText(TokenizerDefinition definition) {
        Map<String, Integer> ids = new HashMap<>(definition.vocabulary());
        for (AddedToken token : definition.addedTokens()) {
            ids.put(token.content(), token.id());
        }
        return Map.copyOf(ids);
    }

    private static int vocabularySize(TokenizerDefinition definition) {
        int maxVocabularyId = definition.vocabulary().values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        int maxAddedId = definition.addedTokens().stream().mapToInt(AddedToken::id).max().orElse(-1);
        return Math.max(maxVocabularyId, maxAddedId) + 1;
    }

    private static WhisperSpecialTokens lookUpSpecialTokens(List<AddedToken> added, String source) {
        Map<String, Integer> specials = new HashMap<>();
        Map<Integer, String> languagesById = new TreeMap<>();
        for (AddedToken token : added) {
            if (token.special()) {
                specials.put(token.content(), token.id());
                Matcher language = LANGUAGE_TOKEN.matcher(token.content());
                if (language.matches()) {
                    languagesById.put(token.id(), language.group(1));
                }
            }
        }
        SpecialTokenTable table = new SpecialTokenTable(specials, source);
        Map<String, Integer> languages = new LinkedHashMap<>();
        languagesById.forEach((id, code) -> languages.put(code, id));
        return new WhisperSpecialTokens(
            table.require("<|endoftext|>"), table.require("<|startoftranscript|>"),
            table.require("<|translate|>"), table.require("<|transcribe|>"),
            table.require("<|startoflm|>"), table.require("<|startofprev|>"),
            table.require("<|nospeech|>", "<|nocaptions|>"), table.require("<|notimestamps|>"),
            languages);
    }

    /**
     * Encodes prompt text into token ids, without any special token.
     *
     * @param text plain text (a leading space matters: " hello" and "hello" are different tokens)
     * @return the ids; empty for empty text
     */
    public int[] encode(String text) {
        int[] ids = new int[0];
        int count = 0;
        for (String piece : preTokenizer.split(text)) {
            int[] pieceIds = encoder.encode(ByteLevelAlphabet.encode(piece));
            if (count + pieceIds.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(2 * ids.length, count + pieceIds.length));
            }
            System.arraycopy(pieceIds, 0, ids, count, pieceIds.length);
            count += pieceIds.length;
        }
        return Arrays.copyOf(ids, count);
    }

    /**
     * Decodes token ids into text, skipping special and timestamp tokens.
     *
     * @param ids token ids, in order
     * @return the text, with U+FFFD where the bytes are not valid UTF-8
     * @throws IllegalArgumentException for an id that is neither in the vocabulary nor a timestamp
     */
    public String decode(int... ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(bytesOf(id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Decodes token ids into text; see {@link #decode(int...)}.
     *
     * @param ids token ids, in order
     * @return the text
     */
    public String decode(List<Integer> ids) {
        return decode(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Returns the UTF-8 bytes one token adds to a transcript, so that transcripts kept as bytes per token can be
     * cut, merged and decoded later without the tokenizer: concatenating these for a token sequence and decoding the
     * result as UTF-8 gives {@link #decode(int...)}.
     *
     * @param id a token id
     * @return a new array; empty for special and timestamp tokens; possibly an incomplete UTF-8 sequence
     * @throws IllegalArgumentException for an id that is neither in the vocabulary nor a timestamp
     */
    public byte[] tokenBytes(int id) {
        return bytesOf(id).clone();
    }

    private byte[] bytesOf(int id) {
        if (isTimestamp(id)) {
            return NO_BYTES;
        }
        byte[] bytes = id >= 0 && id < bytesById.length ? bytesById[id] : null;
        if (bytes == null) {
            throw new IllegalArgumentException("token id " + id + " is not in the vocabulary (ids 0 to "
                + (bytesById.length - 1) + ") and is not a timestamp (from " + timestampBegin() + ")");
        }
        return bytes;
    }

    /** Returns whether the id is a special token (from {@code added_tokens} with {@code special: true}). */
    public boolean isSpecial(int id) {
        return id >= 0 && id < specialById.length && specialById[id];
    }

    /** Returns whether the id is a timestamp token, that is at least {@link #timestampBegin()}. */
    public boolean isTimestamp(int id) {
        return id >= timestampBegin();
    }

    /**
     * Returns the time a timestamp token stands for.
     *
     * @param id a timestamp token id
     * @return seconds from the start of the window, {@code (id - timestampBegin) * 0.02}
     * @throws IllegalArgumentException if the id is not a timestamp
     */
    public double timestampSeconds(int id) {
        if (!isTimestamp(id)) {
            throw new IllegalArgumentException("token id " + id + " is not a timestamp (those start at "
                + timestampBegin() + ")");
        }
        return (id - timestampBegin()) * SECONDS_PER_TIMESTAMP;
    }

    /** Returns the id of {@code <|0.00|>}, the first timestamp token. */
    public int timestampBegin() {
        return specialTokens.timestampBegin();
    }

    /**
     * Looks up a token by its exact text, in the vocabulary (byte-level form, e.g. "Ġthe") or among the added tokens
     * (e.g. {@code <|en|>}).
     *
     * @param text the token's text
     * @return its id, or empty when there is no such token
     */
    public OptionalInt tokenId(String text) {
        Integer id = idsByText.get(text);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Returns the ids of Whisper's control tokens. */
    public WhisperSpecialTokens specialTokens() {
        return specialTokens;
    }

    /** Returns one more than the highest id in the file (timestamp ids past it are still accepted). */
    public int vocabularySize() {
        return bytesById.length;
    }

    /** Special tokens by text, failing with the file name and the token that is missing. */
    private record SpecialTokenTable(Map<String, Integer> ids, String source) {

        int require(String... alternatives) {
            for (String text : alternatives) {
                Integer id = ids.get(text);
                if (id != null) {
                    return id;
                }
            }
            throw new TokenizerFormatException(source + " has no special token " + String.join(" or ", alternatives)
                + "; a Whisper tokenizer lists it in added_tokens with special: true");
        }
    }
}
