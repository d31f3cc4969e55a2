package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.longform.AudioWindow;
import org.junit.jupiter.api.Test;

class WindowPlanTest {

    @Test
    void shouldReportLengthSilenceAndFillRatio() {
        WindowPlan plan = new WindowPlan(2, 8_000, 48_000, 0, 0, 30_000, false, false);

        assertThat(plan.lengthSamples()).isEqualTo(40_000);
        assertThat(plan.silenceSamples()).isEqualTo(10_000);
        assertThat(plan.fillRatio()).isEqualTo(0.75);
        assertThat(plan.first()).isFalse();
    }

    @Test
    void shouldBecomeTheLongFormMergesWindow() {
        WindowPlan plan = new WindowPlan(1, 160_000, 400_000, 40_000, 0, 1_000, false, true);

        assertThat(plan.toAudioWindow()).isEqualTo(new AudioWindow(1, 160_000, 240_000, 40_000, 0, true));
    }

    @Test
    void shouldHaveNoAudioWindowForAnEmptyMarker() {
        WindowPlan marker = WindowPlan.emptyMarker(4, 90_000);

        assertThat(marker.isEmptyMarker()).isTrue();
        assertThat(marker.fillRatio()).isZero();
        assertThatThrownBy(marker::toAudioWindow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseMoreSpeechThanSamples() {
        assertThatThrownBy(() -> new WindowPlan(0, 0, 100, 0, 0, 101, false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speechSamples");
    }
}
