package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxFileLocatorTest {

    private static final List<String> OPTIMUM_MERGED = List.of("config.json", "encoder_model.onnx",
        "decoder_model.onnx", "decoder_with_past_model.onnx", "decoder_model_merged.onnx");
    private static final List<String> TRANSFORMERS_JS = List.of("config.json", "onnx/encoder_model.onnx",
        "onnx/encoder_model_int8.onnx", "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged.onnx",
        "onnx/decoder_model_merged_int8.onnx", "onnx/decoder_model_merged_fp16.onnx");

    private static ModelFiles locate(List<String> files, ModelOptions options) {
        return OnnxFileLocator.locate(files, options, "test-model");
    }

    private static Path mergedPath(ModelFiles files) {
        return ((DecoderFiles.Merged) files.decoder()).merged().path();
    }

    @Test
    void shouldFindAnOptimumExportAtTheRootAndPreferItsMergedDecoder() {
        // When
        ModelFiles files = locate(OPTIMUM_MERGED, ModelOptions.defaults());

        // Then
        assertThat(files.encoder().path()).isEqualTo(Path.of("encoder_model.onnx"));
        assertThat(mergedPath(files)).isEqualTo(Path.of("decoder_model_merged.onnx"));
    }

    @Test
    void shouldFindATransformersJsExportUnderOnnx() {
        // When
        ModelFiles files = locate(TRANSFORMERS_JS, ModelOptions.defaults());

        // Then
        assertThat(files.encoder().path()).isEqualTo(Path.of("onnx/encoder_model.onnx"));
        assertThat(mergedPath(files)).isEqualTo(Path.of("onnx/decoder_model_merged.onnx"));
    }

    @Test
    void shouldUseTheSplitDecoderWhenThereIsNoMergedOne() {
        // Given
        List<String> split = List.of("encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx");

        // When
        ModelFiles files = locate(split, ModelOptions.defaults());

        // Then
        assertThat(files.decoder()).isEqualTo(new DecoderFiles.Split(
            new OnnxFile(Path.of("decoder_model.onnx"), List.of()),
            new OnnxFile(Path.of("decoder_with_past_model.onnx"), List.of())));
    }

    @Test
    void shouldUseTheSplitDecoderWhenAskedEvenIfAMergedOneExists() {
        // When
        ModelFiles files = locate(OPTIMUM_MERGED, ModelOptions.defaults().withDecoderLayout(DecoderLayout.SPLIT));

        // Then
        assertThat(files.decoder()).isInstanceOf(DecoderFiles.Split.class);
    }

    @Test
    void shouldChooseTheEncoderAndDecoderFormatsSeparately() {
        // Given: the CPU sweet spot, int8 encoder with fp32 decoder
        ModelOptions options = ModelOptions.defaults().withEncoderDtype(ModelDtype.INT8);

        // When
        ModelFiles files = locate(TRANSFORMERS_JS, options);

        // Then
        assertThat(files.encoder().path()).isEqualTo(Path.of("onnx/encoder_model_int8.onnx"));
        assertThat(mergedPath(files)).isEqualTo(Path.of("onnx/decoder_model_merged.onnx"));
    }

    @Test
    void shouldNameQ8FilesQuantizedAsTransformersJsDoes() {
        // When
        ModelFiles files = locate(TRANSFORMERS_JS, ModelOptions.defaults().withEncoderDtype(ModelDtype.Q8));

        // Then
        assertThat(files.encoder().path()).isEqualTo(Path.of("onnx/encoder_model_quantized.onnx"));
    }

    @Test
    void shouldNoteExternalDataFilesBesideTheirModel() {
        // Given: a large fp16 decoder whose weights are chunked into two external files
        List<String> files = List.of("encoder_model_fp16.onnx", "decoder_model_merged_fp16.onnx",
            "decoder_model_merged_fp16.onnx_data", "decoder_model_merged_fp16.onnx_data_1",
            "decoder_model_merged.onnx_data");
        ModelOptions options = ModelOptions.defaults().withEncoderDtype(ModelDtype.FP16)
            .withDecoderDtype(ModelDtype.FP16);

        // When
        ModelFiles located = locate(files, options);

        // Then
        assertThat(located.encoder().externalData()).isEmpty();
        assertThat(((DecoderFiles.Merged) located.decoder()).merged().externalData()).containsExactly(
            Path.of("decoder_model_merged_fp16.onnx_data"), Path.of("decoder_model_merged_fp16.onnx_data_1"));
        assertThat(located.allPaths()).hasSize(4);
    }

    @Test
    void shouldSayWhatItLookedForAndWhatExistsWhenAFormatIsMissing() {
        // When / Then
        assertThatThrownBy(() -> locate(TRANSFORMERS_JS, ModelOptions.defaults().withEncoderDtype(ModelDtype.Q4)))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("No encoder_model in format q4 in test-model")
            .hasMessageContaining("looked for encoder_model_q4.onnx or onnx/encoder_model_q4.onnx")
            .hasMessageContaining("formats present for encoder_model: [fp32, q8, int8]")
            .hasMessageContaining("onnx/encoder_model_int8.onnx");
    }

    @Test
    void shouldRefuseTheMergedLayoutWhenOnlyTheSplitDecoderExists() {
        // Given
        List<String> split = List.of("encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx");

        // When / Then
        assertThatThrownBy(() -> locate(split, ModelOptions.defaults().withDecoderLayout(DecoderLayout.MERGED)))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("No decoder in format fp32 (layout MERGED)")
            .hasMessageContaining("looked for decoder_model_merged.onnx or onnx/decoder_model_merged.onnx")
            .hasMessageContaining("for decoder_model: [fp32]");
    }

    @Test
    void shouldRefuseASplitDecoderWithoutItsWithPastHalf() {
        // Given
        List<String> half = List.of("encoder_model.onnx", "decoder_model.onnx");

        // When / Then
        assertThatThrownBy(() -> locate(half, ModelOptions.defaults()))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("decoder_model.onnx or onnx/decoder_model.onnx together with"
                + " decoder_with_past_model.onnx or onnx/decoder_with_past_model.onnx");
    }
}
