package dev.callscribe.longform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVocabularyTest {

    /** Multilingual v1/v2 ids: <|endoftext|> 50257, <|en|> 50259, <|0.00|> 50364. */
    private static final TokenVocabulary MULTILINGUAL = TokenVocabulary.whisper(50_364, id -> id >= 50_257);

    @Test
    void shouldTreatEveryIdFromTimestampBeginAsATimestampEvenWhenTheTokenizerCallsItSpecial() {
        assertThat(MULTILINGUAL.isTimestamp(50_364)).isTrue();
        assertThat(MULTILINGUAL.isSpecial(50_364)).isFalse();
        assertThat(MULTILINGUAL.steps(50_364 + 150)).isEqualTo(150);
    }

    @Test
    void shouldSkipOnlyTheIdsTheCallerCallsSpecial() {
        assertThat(MULTILINGUAL.isSpecial(50_257)).isTrue();
        assertThat(MULTILINGUAL.isSpecial(50_259)).isTrue();
        assertThat(MULTILINGUAL.isSpecial(220)).isFalse();
    }

    @Test
    void shouldUseWhispersTwentyMillisecondStep() {
        assertThat(MULTILINGUAL.secondsPerTimestamp()).isEqualTo(0.02);
    }

    @Test
    void shouldRejectANonPositiveTimestampBegin() {
        assertThatThrownBy(() -> TokenVocabulary.whisper(0, id -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestampBegin must be a positive token id; got 0");
    }

    @Test
    void shouldDecodeUtf8BytesOfACharacterSplitAcrossTokens() {
        // Given a byte-level tokenizer whose tokens 1 and 2 are the two bytes of "é".
        byte[][] bytesById = {{}, {(byte) 0xC3}, {(byte) 0xA9}, "ok".getBytes(StandardCharsets.UTF_8)};
        TokenText text = TokenText.fromUtf8(ids -> concatenate(ids, bytesById));

        assertThat(text.decode(List.of(3, 1, 2))).isEqualTo("oké");
        assertThat(text.decode(List.of(3, 1))).isEqualTo("ok\uFFFD");
    }

    private static byte[] concatenate(List<Integer> ids, byte[][] bytesById) {
        byte[] result = new byte[0];
        for (int id : ids) {
            byte[] piece = bytesById[id];
            byte[] longer = Arrays.copyOf(result, result.length + piece.length);
            System.arraycopy(piece, 0, longer, result.length, piece.length);
            result = longer;
        }
        return result;
    }
}
