package dev.callscribe.longform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected windows are the pipeline's chunk_iter (model.md 6.1) worked by hand: 25 s chunks at 16 kHz are 400000
 * samples with 66667-sample strides and a 266666-sample step; 15 s chunks are 240000 samples with 40000-sample
 * strides and a 160000-sample step.
 */
class AudioChunkerTest {

    private static final int RATE = 16_000;

    static Stream<Arguments> twentyFiveSecondChunks() {
        return Stream.of(
                Arguments.of("10 s, shorter than a chunk", 160_000L, List.of(
                        new AudioWindow(0, 0, 160_000, 0, 0, true))),
                Arguments.of("exactly one chunk", 400_000L, List.of(
                        new AudioWindow(0, 0, 400_000, 0, 0, true))),
                Arguments.of("one sample more than a chunk", 400_001L, List.of(
                        new AudioWindow(0, 0, 400_000, 0, 66_667, false),
                        new AudioWindow(1, 266_666, 133_335, 66_667, 0, true))),
                Arguments.of("50 s", 800_000L, List.of(
                        new AudioWindow(0, 0, 400_000, 0, 66_667, false),
                        new AudioWindow(1, 266_666, 400_000, 66_667, 66_667, false),
                        new AudioWindow(2, 533_332, 266_668, 66_667, 0, true))),
                Arguments.of("60 s", 960_000L, List.of(
                        new AudioWindow(0, 0, 400_000, 0, 66_667, false),
                        new AudioWindow(1, 266_666, 400_000, 66_667, 66_667, false),
                        new AudioWindow(2, 533_332, 400_000, 66_667, 66_667, false),
                        new AudioWindow(3, 799_998, 160_002, 66_667, 0, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twentyFiveSecondChunks")
    void shouldCut25SecondChunksLikeThePipeline(String audio, long totalSamples, List<AudioWindow> expected) {
        AudioChunker chunker = new AudioChunker(ChunkingOptions.defaults(25), RATE);

        assertThat(chunker.windows(totalSamples)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> fifteenSecondChunks() {
        return Stream.of(
                Arguments.of("5 s, shorter than a chunk", 80_000L, List.of(
                        new AudioWindow(0, 0, 80_000, 0, 0, true))),
                Arguments.of("exactly one chunk", 240_000L, List.of(
                        new AudioWindow(0, 0, 240_000, 0, 0, true))),
                Arguments.of("25 s, the second chunk ends exactly at the end", 400_000L, List.of(
                        new AudioWindow(0, 0, 240_000, 0, 40_000, false),
                        new AudioWindow(1, 160_000, 240_000, 40_000, 0, true))),
                Arguments.of("30 s, exactly two chunks", 480_000L, List.of(
                        new AudioWindow(0, 0, 240_000, 0, 40_000, false),
                        new AudioWindow(1, 160_000, 240_000, 40_000, 40_000, false),
                        new AudioWindow(2, 320_000, 160_000, 40_000, 0, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fifteenSecondChunks")
    void shouldCut15SecondChunksLikeThePipeline(String audio, long totalSamples, List<AudioWindow> expected) {
        AudioChunker chunker = new AudioChunker(ChunkingOptions.defaults(15), RATE);

        assertThat(chunker.windows(totalSamples)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldGiveNoWindowForEmptyAudio() {
        assertThat(new AudioChunker(ChunkingOptions.defaults(15), RATE).windows(0)).isEmpty();
    }

    @Test
    void shouldGiveOneWindowForASingleSample() {
        assertThat(new AudioChunker(ChunkingOptions.defaults(15), RATE).windows(1))
                .containsExactly(new AudioWindow(0, 0, 1, 0, 0, true));
    }

    @ParameterizedTest(name = "{0} samples")
    @MethodSource("lengths")
    void shouldCoverTheAudioWithWindowsOneStepApart(long totalSamples) {
        AudioChunker chunker = new AudioChunker(ChunkingOptions.defaults(25), RATE);

        List<AudioWindow> windows = chunker.windows(totalSamples);

        assertThat(windows.get(0).first()).isTrue();
        assertThat(windows.get(0).leftStrideSamples()).isZero();
        assertThat(windows.get(windows.size() - 1).last()).isTrue();
        assertThat(windows.get(windows.size() - 1).rightStrideSamples()).isZero();
        assertThat(windows.get(windows.size() - 1).endSample()).isEqualTo(totalSamples);
        for (int i = 0; i < windows.size(); i++) {
            AudioWindow window = windows.get(i);
            assertThat(window.index()).isEqualTo(i);
            assertThat(window.startSample()).isEqualTo((long) i * chunker.sizes().stepSamples());
            assertThat(window.lengthSamples()).isGreaterThan(window.leftStrideSamples());
            assertThat(window.last()).isEqualTo(i == windows.size() - 1);
        }
    }

    static Stream<Long> lengths() {
        return Stream.of(1L, 266_666L, 400_000L, 400_001L, 533_333L, 666_666L, 1_234_567L, 16_000L * 3_600);
    }

    @Test
    void shouldRejectANegativeLength() {
        assertThatThrownBy(() -> new AudioChunker(ChunkingOptions.defaults(15), RATE).windows(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalSamples must not be negative; got -1");
    }

    @Test
    void shouldRejectAWindowNoLongerThanItsStrides() {
        assertThatThrownBy(() -> new AudioWindow(1, 160_000, 40_000, 40_000, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window of 40000 samples must be longer than its strides (40000 + 0)");
    }
}
