package dev.callscribe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.model.DecoderLayout;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.tokenizer.WhisperSpecialTokens;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private final WhisperModel multilingual = EngineFixtures.model(EngineFixtures.ORACLE, DecoderLayout.MERGED);
    private final WhisperModel englishOnly = EngineFixtures.model(EngineFixtures.TINY_RANDOM_EN,
            DecoderLayout.MERGED);

    @Test
    void shouldStartMultilingualPromptsWithLanguageAndTask() {
        WhisperSpecialTokens special = multilingual.specialTokens();

        Prompts.Prompt prompt = new Prompts(multilingual).build("en", DecodingOptions.defaults().withTimestamps(false));

        assertThat(prompt.tokens()).containsExactly(special.startOfTranscript(), special.language("en").getAsInt(),
                special.transcribe(), special.noTimestamps());
        assertThat(prompt.startOfTranscriptIndex()).isZero();
    }

    @Test
    void shouldPutPreviousTextBeforeTheStartOfTranscript() {
        WhisperSpecialTokens special = multilingual.specialTokens();
        int[] text = multilingual.tokenizer().encode(" hello world");

        Prompts.Prompt prompt = new Prompts(multilingual).build("en",
                DecodingOptions.defaults().withInitialPrompt("hello world"));

        long[] expectedStart = new long[text.length + 1];
        expectedStart[0] = special.startOfPrev();
        for (int i = 0; i < text.length; i++) {
            expectedStart[i + 1] = text[i];
        }
        assertThat(Arrays.copyOf(prompt.tokens(), text.length + 1)).containsExactly(expectedStart);
        assertThat(prompt.tokens()[prompt.startOfTranscriptIndex()]).isEqualTo(special.startOfTranscript());
        assertThat(prompt.startOfTranscriptIndex()).isEqualTo(text.length + 1);
    }

    @Test
    void shouldUseOnlyTheStartOfTranscriptForEnglishOnlyModels() {
        Prompts.Prompt prompt = new Prompts(englishOnly).build(null, DecodingOptions.defaults());

        assertThat(prompt.tokens()).containsExactly(englishOnly.specialTokens().startOfTranscript());
    }

    @Test
    void shouldRefuseToTranslateWithAnEnglishOnlyModel() {
        DecodingOptions translate = DecodingOptions.defaults().withTask(DecodingOptions.TRANSLATE);

        assertThatThrownBy(() -> new Prompts(englishOnly).build(null, translate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("English-only");
    }
}
