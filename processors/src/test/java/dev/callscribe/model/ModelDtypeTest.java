package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelDtypeTest {

    @Test
    void shouldUseTheTransformersJsFileSuffixes() {
        assertThat(ModelDtype.FP32.fileName("encoder_model")).isEqualTo("encoder_model.onnx");
        assertThat(ModelDtype.FP16.fileName("encoder_model")).isEqualTo("encoder_model_fp16.onnx");
        assertThat(ModelDtype.Q8.fileName("encoder_model")).isEqualTo("encoder_model_quantized.onnx");
        assertThat(ModelDtype.INT8.suffix()).isEqualTo("_int8");
        assertThat(ModelDtype.UINT8.suffix()).isEqualTo("_uint8");
        assertThat(ModelDtype.Q4.suffix()).isEqualTo("_q4");
        assertThat(ModelDtype.Q4F16.suffix()).isEqualTo("_q4f16");
        assertThat(ModelDtype.BNB4.suffix()).isEqualTo("_bnb4");
    }

    @Test
    void shouldParseLabelsIgnoringCase() {
        assertThat(ModelDtype.fromLabel("Q4F16")).isEqualTo(ModelDtype.Q4F16);
        assertThat(ModelDtype.fromLabel(" int8 ")).isEqualTo(ModelDtype.INT8);
    }

    @Test
    void shouldListTheValidLabelsForAnUnknownOne() {
        assertThatThrownBy(() -> ModelDtype.fromLabel("int4"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown model dtype 'int4', expected one of [fp32, fp16, q8, int8, uint8, q4, q4f16, bnb4]");
    }
}
