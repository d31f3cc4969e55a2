package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.longform.ChunkingOptions;
import org.junit.jupiter.api.Test;

class WindowingOptionsTest {

    @Test
    void shouldDefaultToUtteranceWindowsOf30SecondsWithA3SecondBudget() {
        assertThat(WindowingOptions.defaults()).isEqualTo(new WindowingOptions(WindowMode.UTTERANCE, 30_000, 3_000,
                5_000, 250, ChunkingOptions.defaults(15)));
    }

    @Test
    void shouldRefuseASplitOverlapAsLongAsTheWindow() {
        assertThatThrownBy(() -> WindowingOptions.defaults().withMaxWindow(10_000, 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("splitOverlapMs");
    }

    @Test
    void shouldRefuseASplitWithoutOverlap() {
        assertThatThrownBy(() -> WindowingOptions.defaults().withMaxWindow(30_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without overlap");
    }

    @Test
    void shouldRefuseChunksLongerThanTheMaximumWindow() {
        assertThatThrownBy(() -> WindowingOptions.defaults().withChunking(ChunkingOptions.defaults(40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must fit maxWindowMs");
    }

    @Test
    void shouldRefuseStridesThatPutASampleInThreeWindows() {
        assertThatThrownBy(() -> WindowingOptions.defaults().withChunking(new ChunkingOptions(15, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than two windows");
    }

    @Test
    void shouldRefuseANegativeLatencyBudget() {
        assertThatThrownBy(() -> WindowingOptions.defaults().withLatencyBudgetMs(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latencyBudgetMs");
    }
}
