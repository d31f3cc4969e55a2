package dev.callscribe.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreTokenizerTest {

    private final PreTokenizer preTokenizer = new PreTokenizer(false);

    @Test
    void shouldSplitWordsNumbersSymbolsAndContractionsAsGpt2Does() {
        assertThat(preTokenizer.split("Hello world's 123 !!"))
            .containsExactly("Hello", " world", "'s", " 123", " !!");
    }

    @Test
    void shouldLeaveTheLastSpaceOfARunToTheNextWord() {
        assertThat(preTokenizer.split("a   b\n")).containsExactly("a", "  ", " b", "\n");
    }

    @Test
    void shouldKeepLettersOfAnyScriptTogether() {
        assertThat(preTokenizer.split("naïve 日本語 Straße")).containsExactly("naïve", " 日本語", " Straße");
    }

    @Test
    void shouldTreatUnicodeSpacesAsWhitespace() {
        // U+3000 is an ideographic space: whitespace (only an ASCII space joins the next word), not a symbol run
        assertThat(preTokenizer.split("a\u3000\u3000b")).containsExactly("a", "\u3000", "\u3000", "b");
    }

    @Test
    void shouldPutASpaceBeforeTheFirstWordWhenAskedTo() {
        assertThat(new PreTokenizer(true).split("hi there")).containsExactly(" hi", " there");
    }
}
