package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VadOptionsTest {

    @Test
    void shouldDefaultTo30MsFramesWithHysteresisAndAHalfSecondHangover() {
        VadOptions options = VadOptions.defaults();

        assertThat(options).isEqualTo(new VadOptions(30, 0.5, 0.3, 250, 500, 300, -50.0));
        assertThat(options.frameSamples(8_000)).isEqualTo(240);
        assertThat(options.frameSamples(44_100)).isEqualTo(1_323);
    }

    @Test
    void shouldRefuseAnOffThresholdAboveTheOnThreshold() {
        assertThatThrownBy(() -> VadOptions.defaults().withThresholds(0.4, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speechOffScore");
    }

    @Test
    void shouldRefusePaddingLongerThanTheHangover() {
        assertThatThrownBy(() -> VadOptions.defaults().withDurations(250, 200, 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speechPadMs (300) must not exceed minSilenceMs (200)");
    }

    @Test
    void shouldRefuseAFrameOutsideTenToOneHundredMilliseconds() {
        assertThatThrownBy(() -> VadOptions.defaults().withFrameMs(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frameMs");
    }

    @Test
    void shouldRefuseAnEnergyFloorAboveFullScale() {
        assertThatThrownBy(() -> VadOptions.defaults().withEnergyFloorDbfs(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("energyFloorDbfs");
    }

    @Test
    void shouldRefuseNoHangover() {
        assertThatThrownBy(() -> VadOptions.defaults().withDurations(250, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minSilenceMs");
    }
}
