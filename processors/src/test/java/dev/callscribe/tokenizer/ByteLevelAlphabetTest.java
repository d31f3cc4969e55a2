package dev.callscribe.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteLevelAlphabetTest {

    @Test
    void shouldWriteSpaceAndNewlineAsGpt2Does() {
        assertThat(ByteLevelAlphabet.encode(" \n")).isEqualTo("ĠĊ");
    }

    @Test
    void shouldKeepPrintableAsciiAsItIs() {
        assertThat(ByteLevelAlphabet.encode("Hi!~")).isEqualTo("Hi!~");
    }

    @Test
    void shouldMapEveryByteToItsOwnCharacterAndBack() {
        // Given
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }

        // When
        String symbols = ByteLevelAlphabet.encode(all);

        // Then
        assertThat(symbols.chars().distinct().count()).isEqualTo(256);
        assertThat(ByteLevelAlphabet.decode(symbols)).containsExactly(all);
    }

    @Test
    void shouldDecodeATokenWithCharactersOutsideTheAlphabetAsItsOwnUtf8() {
        // '€' (U+20AC) is no byte symbol, so the token stands for its own text, as in Hugging Face's decoder
        assertThat(ByteLevelAlphabet.decode("a€")).containsExactly("a€".getBytes(StandardCharsets.UTF_8));
    }
}
