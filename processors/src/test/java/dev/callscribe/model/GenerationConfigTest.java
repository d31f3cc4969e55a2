package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenerationConfigTest {

    private static final ConfigJson NO_MODEL_KEYS = ConfigJson.parse("{}", "config.json");
    private static final int MAX_TARGET_POSITIONS = 448;

    private static WhisperTokenizer tokenizer;

    @BeforeAll
    static void loadTokenizer() throws IOException {
        tokenizer = WhisperTokenizer.load(ModelResources.folder(ModelResources.DISTIL_SMALL_EN)
            .resolve("tokenizer.json"));
    }

    private static GenerationConfig read(String generationJson) {
        return GenerationConfig.read(ConfigJson.parse(generationJson, "generation_config.json"), NO_MODEL_KEYS,
            tokenizer, MAX_TARGET_POSITIONS);
    }

    @Test
    void shouldTakeTheFirstEndTokenOfAList() {
        assertThat(read("{\"eos_token_id\": [275, 276]}").eosTokenId()).isEqualTo(275);
    }

    @Test
    void shouldReadForcedDecoderIdsWithPositionsLeftOpen() {
        // When
        GenerationConfig generation = read("{\"forced_decoder_ids\": [[1, null], [2, 282], [3, 286]]}");

        // Then
        assertThat(generation.forcedDecoderIds()).containsExactly(new ForcedDecoderId(1, OptionalInt.empty()),
            new ForcedDecoderId(2, OptionalInt.of(282)), new ForcedDecoderId(3, OptionalInt.of(286)));
    }

    @Test
    void shouldSuppressASpaceAndTheEndTokenFirstWhenTheFileDoesNotSay() {
        // When
        GenerationConfig generation = read("{}");

        // Then: OpenAI's SuppressBlank, the encoding of " " then <|endoftext|>
        assertThat(generation.beginSuppressTokens()).containsExactly(220, 275);
    }

    @Test
    void shouldTakeTheTokenizersLanguagesForAMultilingualModelWithoutLangToId() {
        // When
        GenerationConfig generation = read("{\"is_multilingual\": true}");

        // Then
        assertThat(generation.langToId()).containsExactly(Map.entry("<|en|>", 277),
            Map.entry("<|de|>", 278), Map.entry("<|ja|>", 279),
            Map.entry("<|haw|>", 280));
    }

    @Test
    void shouldKeepAnEnglishOnlyModelFreeOfLanguages() {
        // When
        GenerationConfig generation = read("{}");

        // Then
        assertThat(generation.multilingual()).isFalse();
        assertThat(generation.langToId()).isEmpty();
        assertThat(generation.taskToId()).containsEntry("transcribe", 282).containsEntry("translate", 281);
    }

    @Test
    void shouldTreatNullAsAbsent() {
        // When
        GenerationConfig generation = read("{\"max_initial_timestamp_index\": null, \"max_length\": null}");

        // Then
        assertThat(generation.maxInitialTimestampIndex()).isEmpty();
        assertThat(generation.maxLength()).isEqualTo(MAX_TARGET_POSITIONS);
    }

    @Test
    void shouldNameTheKeyOfAMalformedForcedDecoderId() {
        assertThatThrownBy(() -> read("{\"forced_decoder_ids\": [[1, \"en\"]]}"))
            .isInstanceOf(ModelFormatException.class)
            .hasMessage("generation_config.json: 'forced_decoder_ids' is [1,\"en\"]; expected pairs of"
                + " [position, token id or null]");
    }

    @Test
    void shouldNameTheKeyOfAWronglyTypedFlag() {
        assertThatThrownBy(() -> read("{\"is_multilingual\": \"yes\"}"))
            .isInstanceOf(ModelFormatException.class)
            .hasMessage("generation_config.json: 'is_multilingual' is \"yes\"; expected true or false");
    }
}
