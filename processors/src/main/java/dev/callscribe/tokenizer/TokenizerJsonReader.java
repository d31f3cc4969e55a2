package dev.callscribe.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a Hugging Face {@code tokenizer.json} that a byte-level BPE tokenizer needs, and rejects any
 * other kind of tokenizer with a message naming what was found and what is expected.
 *
 * <p>Stateless and thread-safe.
 */
final class TokenizerJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BYTE_LEVEL = "ByteLevel";

    private final String source;

    /**
     * @param source where the JSON came from, for error messages (a file path)
     */
    TokenizerJsonReader(String source) {
        this.source = source;
    }

    /** Parses and validates the JSON text of a tokenizer.json. */
    TokenizerDefinition read(String json) {
        JsonNode root = parse(json);
        JsonNode model = root.path("model");
        requireBpe(model);
        JsonNode preTokenizer = requireByteLevel(root, "pre_tokenizer");
        requireByteLevel(root, "decoder");
        return new TokenizerDefinition(
            vocabulary(model.path("vocab")),
            merges(model.path("merges")),
            model.path("ignore_merges").asBoolean(false),
            addedTokens(root.path("added_tokens")),
            preTokenizer.path("add_prefix_space").asBoolean(false));
    }

    private JsonNode parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new TokenizerFormatException(source + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new TokenizerFormatException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void requireBpe(JsonNode model) {
        // Old files may omit the type; vocab plus merges is then the BPE shape.
        String type = model.path("type").asText("BPE");
        if (!"BPE".equals(type) || !model.path("vocab").isObject() || !model.path("merges").isArray()) {
            throw new TokenizerFormatException(source + ": model.type is '" + model.path("type").asText("(absent)")
                + "'" + (model.path("merges").isArray() ? "" : " without model.merges")
                + "; expected a byte-level BPE model (model.type 'BPE' with vocab and merges), as Whisper uses");
        }
    }

    private JsonNode requireByteLevel(JsonNode root, String field) {
        JsonNode node = root.path(field);
        String type = node.path("type").asText("(absent)");
        if (!BYTE_LEVEL.equals(type)) {
            throw new TokenizerFormatException(source + ": " + field + ".type is '" + type + "'; expected '"
                + BYTE_LEVEL + "' (a byte-level BPE tokenizer, as Whisper uses)");
        }
        return node;
    }

    private Map<String, Integer> vocabulary(JsonNode vocab) {
        Map<String, Integer> ids = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = vocab.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().canConvertToInt()) {
                throw new TokenizerFormatException(source + ": model.vocab['" + entry.getKey() + "'] is "
                    + entry.getValue() + "; expected an integer id");
            }
            ids.put(entry.getKey(), entry.getValue().intValue());
        }
        return ids;
    }

    private List<SymbolPair> merges(JsonNode merges) {
        List<SymbolPair> rules = new ArrayList<>(merges.size());
        for (int i = 0; i < merges.size(); i++) {
            rules.add(merge(merges.get(i), i));
        }
        return rules;
    }

    // Older files write a rule as "left right", newer ones as ["left", "right"].
    private SymbolPair merge(JsonNode rule, int index) {
        if (rule.isTextual()) {
            String[] parts = rule.asText().split(" ", -1);
            if (parts.length == 2) {
                return new SymbolPair(parts[0], parts[1]);
            }
        } else if (rule.isArray() && rule.size() == 2 && rule.get(0).isTextual() && rule.get(1).isTextual()) {
            return new SymbolPair(rule.get(0).asText(), rule.get(1).asText());
        }
        throw new TokenizerFormatException(source + ": model.merges[" + index + "] is " + rule
            + "; expected \"left right\" or [\"left\", \"right\"]");
    }

    private List<AddedToken> addedTokens(JsonNode added) {
        List<AddedToken> tokens = new ArrayList<>(added.size());
        for (JsonNode token : added) {
            if (!token.path("id").canConvertToInt() || !token.path("content").isTextual()) {
                throw new TokenizerFormatException(source + ": added_tokens entry " + token
                    + " lacks an integer id or a text content");
            }
            tokens.add(new AddedToken(token.get("id").intValue(), token.get("content").asText(),
                token.path("special").asBoolean(false)));
        }
        return tokens;
    }
}
