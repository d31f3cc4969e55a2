package dev.callscribe.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkLengthRecommendationTest {

    @Test
    void shouldRecommendFifteenSecondsForTheDistilModelsTrainedOnShortSegments() {
        assertThat(ChunkLengthRecommendation.forModel("distil-whisper/distil-large-v2")).isEqualTo(15.0);
        assertThat(ChunkLengthRecommendation.forModel("distil-whisper/distil-medium.en")).isEqualTo(15.0);
        assertThat(ChunkLengthRecommendation.forModel("onnx-community/distil-small.en")).isEqualTo(15.0);
    }

    @Test
    void shouldRecommendTwentyFiveSecondsForDistilLargeV3() {
        assertThat(ChunkLengthRecommendation.forModel("Distil-Whisper/Distil-Large-V3")).isEqualTo(25.0);
    }

    @Test
    void shouldFallBackToWhispersThirtySecondWindow() {
        assertThat(ChunkLengthRecommendation.forModel("openai/whisper-large-v3")).isEqualTo(30.0);
        assertThat(ChunkLengthRecommendation.forModel()).isEqualTo(30.0);
    }

    @Test
    void shouldTakeTheFirstNameThatIsAKnownModel() {
        // Given: a folder with an arbitrary name whose config.json names its checkpoint
        assertThat(ChunkLengthRecommendation.forModel("my-exported-model", null, "distil-whisper/distil-large-v3"))
            .isEqualTo(25.0);
    }
}
