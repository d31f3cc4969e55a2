package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.tokenizer.WhisperSpecialTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

    @TempDir
    Path temp;

    private static WhisperModel readResource(String name) throws IOException {
        return ModelFolder.read(ModelResources.folder(name), ModelOptions.defaults());
    }

    private static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadTheDimensionsFromConfigJson() throws IOException {
        // When
        WhisperConfig config = readResource(ModelResources.DISTIL_SMALL_EN).config();

        // Then
        assertThat(config).isEqualTo(new WhisperConfig("whisper", 80, 64, 3, 4, 2, 4, 1788, 1500, 448,
            Optional.of("distil-whisper/distil-small.en")));
        assertThat(config.decoderHeadDim()).isEqualTo(16);
    }

    @Test
    void shouldReadTheGenerationSettingsFromGenerationConfigJson() throws IOException {
        // When
        GenerationConfig generation = readResource(ModelResources.DISTIL_SMALL_EN).generation();

        // Then
        assertThat(generation.decoderStartTokenId()).isEqualTo(276);
        assertThat(generation.eosTokenId()).isEqualTo(275);
        assertThat(generation.padTokenId()).isEqualTo(275);
        assertThat(generation.noTimestampsTokenId()).isEqualTo(286);
        assertThat(generation.timestampBegin()).isEqualTo(287);
        assertThat(generation.prevSotTokenId()).isEqualTo(284);
        assertThat(generation.multilingual()).isFalse();
        assertThat(generation.langToId()).isEmpty();
        assertThat(generation.suppressTokens()).containsExactly(1, 2, 7, 8, 9, 10, 14, 25);
        assertThat(generation.beginSuppressTokens()).containsExactly(220, 275);
        assertThat(generation.maxInitialTimestampIndex()).hasValue(50);
        assertThat(generation.maxLength()).isEqualTo(448);
        assertThat(generation.forcedDecoderIds()).containsExactly(new ForcedDecoderId(1, OptionalInt.of(286)));
    }

    @Test
    void shouldReadTheFrontEndSettingsFromPreprocessorConfigJson() throws IOException {
        // When
        PreprocessorConfig preprocessor = readResource(ModelResources.DISTIL_SMALL_EN).preprocessor();

        // Then
        assertThat(preprocessor).isEqualTo(new PreprocessorConfig(80, 16_000, 160, 400, 30, 480_000, 3000));
    }

    @Test
    void shouldGiveAbsolutePathsToTheChosenOnnxFiles() throws IOException {
        // When
        WhisperModel model = readResource(ModelResources.DISTIL_SMALL_EN);

        // Then
        Path folder = ModelResources.folder(ModelResources.DISTIL_SMALL_EN);
        assertThat(model.files().encoder().path()).isEqualTo(folder.resolve("onnx/encoder_model.onnx")).exists();
        assertThat(model.files().decoder()).isEqualTo(new DecoderFiles.Merged(
            new OnnxFile(folder.resolve("onnx/decoder_model_merged.onnx"), List.of())));
    }

    @Test
    void shouldGiveTheSpecialTokensOfTheTokenizer() throws IOException {
        // When
        WhisperSpecialTokens special = readResource(ModelResources.DISTIL_SMALL_EN).specialTokens();

        // Then
        assertThat(special.startOfTranscript()).isEqualTo(276);
        assertThat(special.noSpeech()).isEqualTo(285);
        assertThat(special.timestampBegin()).isEqualTo(287);
    }

    @Test
    void shouldRecommendTheChunkLengthOfTheModelItWasExportedFrom() throws IOException {
        assertThat(readResource(ModelResources.DISTIL_SMALL_EN).chunkLengthSeconds()).isEqualTo(15.0);
        assertThat(readResource(ModelResources.OPTIMUM_MULTILINGUAL).chunkLengthSeconds()).isEqualTo(30.0);
    }

    @Test
    void shouldLetTheOptionsOverrideTheChunkLength() throws IOException {
        // When
        WhisperModel model = ModelFolder.read(ModelResources.folder(ModelResources.DISTIL_SMALL_EN),
            ModelOptions.defaults().withChunkLengthSeconds(20));

        // Then
        assertThat(model.chunkLengthSeconds()).isEqualTo(20.0);
    }

    @Test
    void shouldTakeTokenIdsMissingFromGenerationConfigFromTheTokenizer() throws IOException {
        // When: this generation_config.json has only lang_to_id and task_to_id
        GenerationConfig generation = readResource(ModelResources.OPTIMUM_MULTILINGUAL).generation();

        // Then
        assertThat(generation.decoderStartTokenId()).isEqualTo(276);
        assertThat(generation.eosTokenId()).isEqualTo(275);
        assertThat(generation.padTokenId()).isEqualTo(275);
        assertThat(generation.noTimestampsTokenId()).isEqualTo(286);
        assertThat(generation.prevSotTokenId()).isEqualTo(284);
        assertThat(generation.maxInitialTimestampIndex()).isEmpty();
    }

    @Test
    void shouldConsiderAModelWithLanguagesMultilingual() throws IOException {
        // When
        GenerationConfig generation = readResource(ModelResources.OPTIMUM_MULTILINGUAL).generation();

        // Then
        assertThat(generation.multilingual()).isTrue();
        assertThat(generation.languageTokenId("de")).hasValue(278);
        assertThat(generation.languageTokenId("<|haw|>")).hasValue(280);
        assertThat(generation.languageTokenId("fr")).isEmpty();
        assertThat(generation.taskTokenId("transcribe")).hasValue(282);
    }

    @Test
    void shouldTakeGenerationKeysMissingFromGenerationConfigFromConfigJson() throws IOException {
        // When: config.json has suppress_tokens and max_length, generation_config.json has neither
        GenerationConfig generation = readResource(ModelResources.OPTIMUM_MULTILINGUAL).generation();

        // Then
        assertThat(generation.suppressTokens()).containsExactly(1, 2, 7);
        assertThat(generation.maxLength()).isEqualTo(300);
    }

    @Test
    void shouldUseTheFeatureExtractorDefaultsWithoutPreprocessorConfig() throws IOException {
        // When
        PreprocessorConfig preprocessor = readResource(ModelResources.OPTIMUM_MULTILINGUAL).preprocessor();

        // Then: 128 bins come from config.json's num_mel_bins
        assertThat(preprocessor).isEqualTo(new PreprocessorConfig(128, 16_000, 160, 400, 30, 480_000, 3000));
    }

    @Test
    void shouldReadTheSplitDecoderOfAnOptimumExportAtTheRoot() throws IOException {
        // When
        WhisperModel model = ModelFolder.read(ModelResources.folder(ModelResources.OPTIMUM_MULTILINGUAL),
            ModelOptions.defaults().withEncoderDtype(ModelDtype.Q8));

        // Then
        Path folder = ModelResources.folder(ModelResources.OPTIMUM_MULTILINGUAL);
        assertThat(model.files().encoder().path()).isEqualTo(folder.resolve("encoder_model_quantized.onnx"));
        assertThat(model.files().decoder()).isInstanceOf(DecoderFiles.Split.class);
    }

    @Test
    void shouldNameTheFileAndKeyOfAMissingDimension() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("config.json"), "\"d_model\": 64,", "");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessage(folder.resolve("config.json") + " lacks the required key 'd_model' (an integer)");
    }

    @Test
    void shouldNameTheFileKeyAndValueOfAWronglyTypedSetting() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("generation_config.json"), "\"suppress_tokens\": [1,", "\"suppress_tokens\": [\"1\",");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("generation_config.json: 'suppress_tokens' is \"1\"; expected an integer");
    }

    @Test
    void shouldRefuseAModelThatIsNotWhisper() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("config.json"), "\"model_type\": \"whisper\"", "\"model_type\": \"wav2vec2\"");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("'model_type' is 'wav2vec2'; expected 'whisper'");
    }

    @Test
    void shouldRefuseAFolderWithoutTokenizerJsonListingWhatItHas() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.OPTIMUM_MULTILINGUAL, temp);
        Files.delete(folder.resolve("tokenizer.json"));

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining(folder + " lacks tokenizer.json")
            .hasMessageContaining("files present: [config.json, decoder_model.onnx");
    }

    @Test
    void shouldRefuseATimestampTokenThatDisagreesWithTheTokenizer() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("generation_config.json"), "\"no_timestamps_token_id\": 286",
            "\"no_timestamps_token_id\": 50362");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("no_timestamps_token_id is 50362 but tokenizer.json has <|notimestamps|> at 286");
    }

    @Test
    void shouldRefuseFeaturesOfAnotherHeightThanTheEncoderTakes() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("preprocessor_config.json"), "\"feature_size\": 80", "\"feature_size\": 128");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("feature_size is 128 but config.json num_mel_bins is 80");
    }

    @Test
    void shouldRefuseAWindowWhoseFrameCountDisagreesWithItsLength() throws IOException {
        // Given
        Path folder = ModelResources.copy(ModelResources.DISTIL_SMALL_EN, temp);
        replaceInFile(folder.resolve("preprocessor_config.json"), "\"nb_max_frames\": 3000", "\"nb_max_frames\": 1500");

        // When / Then
        assertThatThrownBy(() -> ModelFolder.read(folder, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("preprocessor_config.json: nb_max_frames 1500 is not n_samples / hop_length");
    }

    @Test
    void shouldListOnlyTheFilesTheOptionsNeedForDownload() {
        // Given
        List<String> repo = List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
            "vocab.json", "merges.txt", "onnx/encoder_model.onnx", "onnx/encoder_model_int8.onnx",
            "onnx/decoder_model_merged.onnx", "onnx/decoder_model_merged_fp16.onnx",
            "onnx/decoder_model_merged_fp16.onnx_data", "README.md");
        ModelOptions options = ModelOptions.defaults().withEncoderDtype(ModelDtype.INT8)
            .withDecoderDtype(ModelDtype.FP16);

        // When
        List<String> wanted = ModelFolder.filesToFetch(repo, options, "org/model");

        // Then
        assertThat(wanted).containsExactly("config.json", "tokenizer.json", "generation_config.json",
            "onnx/encoder_model_int8.onnx", "onnx/decoder_model_merged_fp16.onnx",
            "onnx/decoder_model_merged_fp16.onnx_data");
    }

    @Test
    void shouldKeepLanguageMapsInFileOrder() throws IOException {
        // When
        Map<String, Integer> languages = readResource(ModelResources.OPTIMUM_MULTILINGUAL).generation().langToId();

        // Then
        assertThat(languages.keySet()).containsExactly("<|en|>", "<|de|>", "<|ja|>", "<|haw|>");
    }
}
