package dev.callscribe.longform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkingOptionsTest {

    @Test
    void shouldDefaultEachStrideToASixthOfTheChunk() {
        ChunkingOptions options = ChunkingOptions.defaults(15);

        assertThat(options).isEqualTo(new ChunkingOptions(15, 2.5, 2.5));
    }

    @Test
    void shouldRoundA25SecondChunkToThePipelinesSampleCounts() {
        // model.md 6.1: 25 s -> 400000 samples, stride 66667 each side (25 / 6 * 16000 = 66666.67), step 266666.
        WindowSizes sizes = ChunkingOptions.defaults(25).inSamples(16_000);

        assertThat(sizes).isEqualTo(new WindowSizes(400_000, 66_667, 66_667));
        assertThat(sizes.stepSamples()).isEqualTo(266_666);
    }

    @Test
    void shouldRoundHalfSamplesToEvenLikePython() {
        // Python's round(2.5) is 2 and round(3.5) is 4; 1.25 s and 1.75 s at 2 Hz are exactly 2.5 and 3.5 samples.
        WindowSizes sizes = new ChunkingOptions(1.75, 1.25, 0).inSamples(2);

        assertThat(sizes).isEqualTo(new WindowSizes(4, 2, 0));
    }

    @Test
    void shouldCopyWithOtherStrides() {
        assertThat(ChunkingOptions.defaults(30).withStrides(1, 2)).isEqualTo(new ChunkingOptions(30, 1, 2));
    }

    @Test
    void shouldAcceptZeroStrides() {
        assertThat(new ChunkingOptions(30, 0, 0).inSamples(16_000).stepSamples()).isEqualTo(480_000);
    }

    @Test
    void shouldRejectStridesThatFillTheChunk() {
        assertThatThrownBy(() -> new ChunkingOptions(10, 5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strideLeftS + strideRightS must be shorter than chunkLengthS");
    }

    @Test
    void shouldRejectANonPositiveChunkLength() {
        assertThatThrownBy(() -> ChunkingOptions.defaults(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunkLengthS must be a positive number of seconds; got 0.0");
    }

    @Test
    void shouldRejectANegativeStride() {
        assertThatThrownBy(() -> new ChunkingOptions(10, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strideLeftS must be zero or a positive number of seconds");
    }

    @Test
    void shouldRejectSizesThatRoundToNoStep() {
        // Valid in seconds, but at 2 Hz the 0.75 s strides round to 2 samples each, filling a 4-sample chunk.
        ChunkingOptions options = new ChunkingOptions(1.75, 0.75, 0.75);

        assertThatThrownBy(() -> options.inSamples(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be shorter than the chunk (4 samples)");
    }
}
