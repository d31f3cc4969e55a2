package dev.callscribe.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TokenizerFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "models/x/tokenizer.json";

    private static ObjectNode validTokenizer() throws IOException {
        return (ObjectNode) JSON.readTree(TokenizerResources.text(TokenizerResources.STRING_MERGES));
    }

    private static WhisperTokenizer build(ObjectNode json) {
        return WhisperTokenizer.fromJson(json.toString(), SOURCE);
    }

    @Test
    void shouldRejectAModelThatIsNotBpeNamingWhatItFound() throws IOException {
        // Given: a SentencePiece-style unigram model
        ObjectNode json = validTokenizer();
        json.putObject("model").put("type", "Unigram").putArray("vocab").addArray().add("▁a").add(-1.0);

        // When / Then
        assertThatThrownBy(() -> build(json))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining(SOURCE)
            .hasMessageContaining("model.type is 'Unigram'")
            .hasMessageContaining("expected a byte-level BPE model");
    }

    @Test
    void shouldRejectAPreTokenizerThatIsNotByteLevel() throws IOException {
        // Given
        ObjectNode json = validTokenizer();
        json.putObject("pre_tokenizer").put("type", "Metaspace");

        // When / Then
        assertThatThrownBy(() -> build(json))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining("pre_tokenizer.type is 'Metaspace'; expected 'ByteLevel'");
    }

    @Test
    void shouldRejectAMissingDecoder() throws IOException {
        // Given
        ObjectNode json = validTokenizer();
        json.putNull("decoder");

        // When / Then
        assertThatThrownBy(() -> build(json))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining("decoder.type is '(absent)'; expected 'ByteLevel'");
    }

    @Test
    void shouldRejectAMalformedMergeRule() throws IOException {
        // Given
        ObjectNode json = validTokenizer();
        ((ArrayNode) json.path("model").path("merges")).insert(0, "a b c");

        // When / Then
        assertThatThrownBy(() -> build(json))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining("model.merges[0] is \"a b c\"");
    }

    @Test
    void shouldRejectATokenizerWithoutAWhisperSpecialToken() throws IOException {
        // Given: no <|startofprev|>
        ObjectNode json = validTokenizer();
        ArrayNode added = (ArrayNode) json.path("added_tokens");
        for (int i = 0; i < added.size(); i++) {
            if ("<|startofprev|>".equals(added.get(i).path("content").asText())) {
                added.remove(i);
            }
        }

        // When / Then
        assertThatThrownBy(() -> build(json))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining(SOURCE + " has no special token <|startofprev|>");
    }

    @Test
    void shouldRejectTextThatIsNotJson() {
        assertThatThrownBy(() -> WhisperTokenizer.fromJson("{\"model\": ", SOURCE))
            .isInstanceOf(TokenizerFormatException.class)
            .hasMessageContaining(SOURCE + " is not valid JSON");
    }

    @Test
    void shouldTakeNoCaptionsAsTheNoSpeechTokenOfOlderVocabularies() throws IOException {
        // Given
        ObjectNode json = validTokenizer();
        for (var token : json.path("added_tokens")) {
            if ("<|nospeech|>".equals(token.path("content").asText())) {
                ((ObjectNode) token).put("content", "<|nocaptions|>");
            }
        }

        // When
        WhisperTokenizer tokenizer = build(json);

        // Then
        assertThat(tokenizer.specialTokens().noSpeech()).isEqualTo(tokenizer.tokenId("<|nocaptions|>").orElseThrow());
    }

    @Test
    void shouldTakeAWholeWordFromTheVocabularyWhenMergesAreIgnored() throws IOException {
        // Given: a whole-word entry that no chain of merge rules reaches
        ObjectNode json = validTokenizer();
        ((ObjectNode) json.path("model")).put("ignore_merges", true);
        ((ObjectNode) json.path("model").path("vocab")).put("Ġbold", 999);

        // When
        WhisperTokenizer tokenizer = build(json);

        // Then
        assertThat(tokenizer.encode(" bold")).containsExactly(999);
        assertThat(validTokenizerEncoding(" bold")).hasSize(4).doesNotContain(999);
    }

    private static int[] validTokenizerEncoding(String text) throws IOException {
        return build(validTokenizer()).encode(text);
    }
}
