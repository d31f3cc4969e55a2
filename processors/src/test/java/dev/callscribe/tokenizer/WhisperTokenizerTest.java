package dev.callscribe.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WhisperTokenizerTest {

    private static WhisperTokenizer tokenizer;
    private static WhisperSpecialTokens special;

    @BeforeAll
    static void loadTokenizer() throws IOException {
        tokenizer = TokenizerResources.load(TokenizerResources.STRING_MERGES);
        special = tokenizer.specialTokens();
    }

    private static int id(String token) {
        return tokenizer.tokenId(token).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hello world, the winter's here.",
        "café crème, naïve façade",
        "日本語のテキストです",
        "👋 hi 🎉🇩🇪 done",
        "  leading spaces\ttabs\nnewlines  ",
    })
    void shouldDecodeWhatItEncodes(String text) {
        // When
        int[] ids = tokenizer.encode(text);

        // Then
        assertThat(tokenizer.decode(ids)).isEqualTo(text);
    }

    @Test
    void shouldMergeByRankIntoWholeWords() {
        // When
        int[] ids = tokenizer.encode("Hello world");

        // Then: "Hello" and " world" each reach a single token through a chain of merges
        assertThat(ids).containsExactly(id("Hello"), id("Ġworld"));
    }

    @Test
    void shouldLeaveSymbolsWithoutAMergeRuleAsSingleBytes() {
        // When
        int[] ids = tokenizer.encode(" 42");

        // Then
        assertThat(ids).containsExactly(id("Ġ"), id("4"), id("2"));
    }

    @Test
    void shouldEncodeASpaceAsGpt2Does() {
        // When / Then: the byte-level vocabulary puts the space symbol 'Ġ' at 220, as GPT-2 and Whisper do
        assertThat(tokenizer.encode(" ")).containsExactly(220);
    }

    @Test
    void shouldEncodeNothingForEmptyText() {
        assertThat(tokenizer.encode("")).isEmpty();
    }

    @Test
    void shouldEncodeControlTokenTextAsPlainCharacters() {
        // When
        int[] ids = tokenizer.encode("<|en|>");

        // Then
        assertThat(ids).doesNotContain(special.languages().get("en")).hasSize("<|en|>".length());
        assertThat(tokenizer.decode(ids)).isEqualTo("<|en|>");
    }

    @Test
    void shouldReadMergesWrittenAsArraysLikeMergesWrittenAsStrings() throws IOException {
        // Given
        WhisperTokenizer arrayMerges = TokenizerResources.load(TokenizerResources.ARRAY_MERGES);
        String text = "Hello world, the café 日本";

        // When / Then
        assertThat(arrayMerges.encode(text)).containsExactly(tokenizer.encode(text));
        assertThat(arrayMerges.encode(text)).contains(id(ByteLevelAlphabet.encode("café")), id("Ġworld"));
    }

    @Test
    void shouldSkipSpecialTokensWhenDecoding() {
        // Given
        int[] ids = {special.startOfTranscript(), special.languages().get("en"), special.transcribe(),
            special.noTimestamps(), id("Hello"), id("Ġworld"), special.endOfText()};

        // When / Then
        assertThat(tokenizer.decode(ids)).isEqualTo("Hello world");
    }

    @Test
    void shouldSkipTimestampTokensIncludingOnesTheFileDoesNotList() {
        // Given: the file lists six timestamps; begin + 1500 (<|30.00|>) is not among them
        int begin = tokenizer.timestampBegin();
        int[] ids = {begin, id("Hello"), begin + 5, begin + 1500, id("Ġworld"), begin + 1500};

        // When / Then
        assertThat(tokenizer.decode(ids)).isEqualTo("Hello world");
    }

    @Test
    void shouldPlaceTimestampBeginRightAfterNoTimestamps() {
        assertThat(tokenizer.timestampBegin()).isEqualTo(id("<|notimestamps|>") + 1).isEqualTo(id("<|0.00|>"));
    }

    @Test
    void shouldGiveTimestampTimesInStepsOfTwentyMilliseconds() {
        // Given
        int begin = tokenizer.timestampBegin();

        // When / Then
        assertThat(tokenizer.isTimestamp(begin + 1500)).isTrue();
        assertThat(tokenizer.isTimestamp(begin - 1)).isFalse();
        assertThat(tokenizer.timestampSeconds(begin)).isZero();
        assertThat(tokenizer.timestampSeconds(begin + 50)).isCloseTo(1.0, within(1e-9));
        assertThat(tokenizer.timestampSeconds(begin + 1500)).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void shouldRejectTheTimeOfATokenThatIsNotATimestamp() {
        assertThatThrownBy(() -> tokenizer.timestampSeconds(id("Hello")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a timestamp");
    }

    @Test
    void shouldJoinACharacterSplitOverTwoTokens() {
        // Given: "日" is three UTF-8 bytes; a merge rule joins only the first two
        int[] ids = tokenizer.encode("日");
        assertThat(ids).hasSize(2);

        // When / Then
        assertThat(tokenizer.decode(ids)).isEqualTo("日");
        assertThat(tokenizer.decode(ids[0])).isEqualTo("\uFFFD");
        assertThat(tokenizer.tokenBytes(ids[0])).hasSize(2);
    }

    @Test
    void shouldGiveTokenBytesThatConcatenateToTheDecodedText() {
        // Given
        int begin = tokenizer.timestampBegin();
        int[] text = tokenizer.encode(" the café 日本 👋");
        int[] ids = new int[text.length + 3];
        ids[0] = special.startOfTranscript();
        ids[1] = begin;
        System.arraycopy(text, 0, ids, 2, text.length);
        ids[ids.length - 1] = begin + 40;

        // When
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(tokenizer.tokenBytes(id));
        }

        // Then
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(tokenizer.decode(ids)).isEqualTo(" the café 日本 👋");
    }

    @Test
    void shouldGiveNoBytesForSpecialAndTimestampTokens() {
        assertThat(tokenizer.tokenBytes(special.endOfText())).isEmpty();
        assertThat(tokenizer.tokenBytes(special.noTimestamps())).isEmpty();
        assertThat(tokenizer.tokenBytes(tokenizer.timestampBegin() + 3)).isEmpty();
        assertThat(tokenizer.isSpecial(special.endOfText())).isTrue();
        assertThat(tokenizer.isSpecial(id("Hello"))).isFalse();
    }

    @Test
    void shouldHandOutCopiesOfTokenBytes() {
        // Given
        byte[] first = tokenizer.tokenBytes(id("Hello"));

        // When
        first[0] = 'J';

        // Then
        assertThat(tokenizer.decode(id("Hello"))).isEqualTo("Hello");
    }

    @Test
    void shouldRejectAnIdOutsideTheVocabularyThatIsNotATimestamp() {
        assertThatThrownBy(() -> tokenizer.decode(-1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("token id -1 is not in the vocabulary");
    }

    @Test
    void shouldLookUpSpecialTokensByTheirText() {
        assertThat(special.endOfText()).isEqualTo(id("<|endoftext|>"));
        assertThat(special.startOfTranscript()).isEqualTo(id("<|startoftranscript|>"));
        assertThat(special.translate()).isEqualTo(id("<|translate|>"));
        assertThat(special.transcribe()).isEqualTo(id("<|transcribe|>"));
        assertThat(special.startOfLm()).isEqualTo(id("<|startoflm|>"));
        assertThat(special.startOfPrev()).isEqualTo(id("<|startofprev|>"));
        assertThat(special.noSpeech()).isEqualTo(id("<|nospeech|>"));
        assertThat(special.noTimestamps()).isEqualTo(id("<|notimestamps|>"));
    }

    @Test
    void shouldListLanguageTokensInIdOrder() {
        assertThat(special.languages()).containsExactly(
            Map.entry("en", id("<|en|>")), Map.entry("de", id("<|de|>")), Map.entry("ja", id("<|ja|>")),
            Map.entry("haw", id("<|haw|>")));
        assertThat(special.language("de")).hasValue(id("<|de|>"));
        assertThat(special.language("xx")).isEmpty();
    }

    @Test
    void shouldReportTheVocabularySizeOfTheFile() {
        // The file's highest id is its last listed timestamp.
        assertThat(tokenizer.vocabularySize()).isEqualTo(tokenizer.timestampBegin() + 6);
    }
}
