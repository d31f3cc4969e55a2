package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowingStateTest {

    @Test
    void shouldRoundTripAnUtteranceStateThroughItsBytes() {
        UtteranceState state = new UtteranceState(3, 123_456, 120_000, 118_000, 120_000, 1_500, 20_000);

        byte[] bytes = state.toBytes();

        assertThat(bytes).hasSize(49);
        assertThat(WindowingState.fromBytes(bytes)).isEqualTo(state);
    }

    @Test
    void shouldRoundTripAChunkStateThroughItsBytes() {
        ChunkState state = new ChunkState(7, 1_000_000, 999_000, 400_000, 380_000, 390_000);

        byte[] bytes = state.toBytes();

        assertThat(bytes).hasSize(45);
        assertThat(WindowingState.fromBytes(bytes)).isEqualTo(state);
    }

    @Test
    void shouldStartEachModeFromItsOwnInitialState() {
        assertThat(WindowingState.initial(WindowMode.UTTERANCE)).isEqualTo(UtteranceState.initial());
        assertThat(WindowingState.initial(WindowMode.CHUNKED)).isEqualTo(ChunkState.initial());
    }

    @Test
    void shouldRefuseBytesWithAnUnknownModeOrTheWrongLength() {
        assertThatThrownBy(() -> WindowingState.fromBytes(new byte[] {9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode byte");
        assertThatThrownBy(() -> WindowingState.fromBytes(new byte[45]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTTERANCE windowing state is 49 bytes; got 45");
    }
}
