package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogMelOptionsTest {

    @Test
    void shouldDefaultToWhispersFrontEnd() {
        LogMelOptions options = LogMelOptions.defaults();

        assertThat(options).isEqualTo(new LogMelOptions(80, 16_000, 400, 160, 30, 480_000, 3_000));
        assertThat(options.frequencyBins()).isEqualTo(201);
        assertThat(options.featuresPerWindow()).isEqualTo(240_000);
    }

    @Test
    void shouldChangeOnlyTheMelBandsForLargeV3() {
        assertThat(LogMelOptions.forMels(128))
                .isEqualTo(new LogMelOptions(128, 16_000, 400, 160, 30, 480_000, 3_000));
    }

    @Test
    void shouldRejectANonPositiveMelCountNamingTheKey() {
        assertThatThrownBy(() -> LogMelOptions.forMels(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature_size must be positive; got 0");
    }

    @Test
    void shouldRejectNSamplesThatIsNotChunkLengthTimesSamplingRate() {
        assertThatThrownBy(() -> new LogMelOptions(80, 16_000, 400, 160, 30, 160_000, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_samples must equal chunk_length x sampling_rate = 480000");
    }

    @Test
    void shouldRejectNbMaxFramesThatIsNotNSamplesOverHopLength() {
        assertThatThrownBy(() -> new LogMelOptions(80, 16_000, 400, 160, 30, 480_000, 3_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nb_max_frames must equal n_samples / hop_length");
    }

    @Test
    void shouldRejectAnOddFftSize() {
        assertThatThrownBy(() -> new LogMelOptions(80, 16_000, 401, 160, 30, 480_000, 3_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_fft must be even");
    }
}
