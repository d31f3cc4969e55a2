package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VadStateTest {

    @Test
    void shouldRoundTripThroughItsBytes() {
        // Given a detector in the middle of speech with a partial frame pending
        SpeechDetector detector = SpeechDetector.start(VadOptions.defaults(), 8_000);
        detector.accept(Sounds.concat(Sounds.silence(8_000), Sounds.vowel(8_000, 8_100, -20)));
        VadState state = detector.state();

        // When
        byte[] bytes = state.toBytes();

        // Then it comes back equal, and is small: 32 bytes plus 4 per pending sample
        assertThat(VadState.fromBytes(bytes)).isEqualTo(state);
        assertThat(state.gate().inSpeech()).isTrue();
        assertThat(state.partialFrame()).hasSize(16_100 % 240);
        assertThat(bytes).hasSize(32 + 4 * (16_100 % 240));
    }

    @Test
    void shouldKeepItsPartialFrameFromChangesToTheCallersArray() {
        float[] partial = {0.1f, 0.2f};
        VadState state = new VadState(2, partial, GateState.initial());

        partial[0] = 0.9f;
        state.partialFrame()[1] = 0.9f;

        assertThat(state.partialFrame()).containsExactly(0.1f, 0.2f);
    }

    @Test
    void shouldRefuseBytesOfTheWrongLength() {
        assertThatThrownBy(() -> VadState.fromBytes(new byte[33]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("33 bytes");
    }
}
