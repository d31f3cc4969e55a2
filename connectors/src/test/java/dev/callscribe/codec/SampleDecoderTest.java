package dev.callscribe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleDecoderTest {

    @Test
    void shouldScalePcm16By32768LikeWhispersLoader() {
        // Given
        byte[] payload = WavBytes.shorts(-32768, -16384, 0, 16384, 32767);

        // When
        float[][] channels = SampleDecoder.decode(payload, SampleEncoding.PCM_S16LE, 1);

        // Then
        assertThat(channels[0]).containsExactly(-1.0f, -0.5f, 0.0f, 0.5f, 32767 / 32768.0f);
    }

    @Test
    void shouldSplitInterleavedFramesIntoOneArrayPerChannel() {
        // Given three frames of left/right pairs
        byte[] payload = WavBytes.shorts(1, -1, 2, -2, 3, -3);

        // When
        float[][] channels = SampleDecoder.decode(payload, SampleEncoding.PCM_S16LE, 2);

        // Then
        float unit = 1 / 32768.0f;
        assertThat(channels[0]).containsExactly(unit, 2 * unit, 3 * unit);
        assertThat(channels[1]).containsExactly(-unit, -2 * unit, -3 * unit);
    }

    @Test
    void shouldDecodeMuLawToTheG711LinearValues() {
        // Given silence (0xFF, 0x7F) and both extremes (0x80, 0x00)
        byte[] payload = {(byte) 0xFF, 0x7F, (byte) 0x80, 0x00};

        // When
        float[] samples = SampleDecoder.decode(payload, SampleEncoding.MULAW, 1)[0];

        // Then
        assertThat(samples).containsExactly(0.0f, 0.0f, 32124 / 32768.0f, -32124 / 32768.0f);
    }

    @Test
    void shouldDecodeALawToTheG711LinearValues() {
        // Given the two smallest codes (0xD5, 0x55) and both extremes (0xAA, 0x2A)
        byte[] payload = {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A};

        // When
        float[] samples = SampleDecoder.decode(payload, SampleEncoding.ALAW, 1)[0];

        // Then
        assertThat(samples).containsExactly(8 / 32768.0f, -8 / 32768.0f, 32256 / 32768.0f, -32256 / 32768.0f);
    }

    @Test
    void shouldDecodeEveryG711CodeSymmetricallyAndMonotonicallyWithinItsSign() {
        for (int code = 0; code < 128; code++) {
            // mu-law: codes 0x80..0xFF are positive, decreasing in magnitude; 0x00..0x7F their negatives
            assertThat(G711.muLawToLinear(code)).isEqualTo(-G711.muLawToLinear(code | 0x80));
            // A-law: flipping the sign bit flips the sign
            assertThat(G711.aLawToLinear(code)).isEqualTo(-G711.aLawToLinear(code | 0x80));
        }
        for (int code = 0x80; code < 0xFF; code++) {
            assertThat(G711.muLawToLinear(code)).isGreaterThan(G711.muLawToLinear(code + 1));
        }
    }

    @Test
    void shouldPassFloatSamplesThroughUnclipped() {
        // Given
        byte[] payload = WavBytes.floats(0.25f, -1.0f, 1.5f);

        // When
        float[] samples = SampleDecoder.decode(payload, SampleEncoding.FLOAT32LE, 1)[0];

        // Then
        assertThat(samples).containsExactly(0.25f, -1.0f, 1.5f);
    }

    @Test
    void shouldRejectNanFloatSamplesNamingFrameAndChannel() {
        byte[] payload = WavBytes.floats(0.0f, 0.1f, 0.2f, Float.NaN);

        assertThatThrownBy(() -> SampleDecoder.decode(payload, SampleEncoding.FLOAT32LE, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame 1 of channel 1 is NaN");
    }

    @Test
    void shouldRejectInfiniteFloatSamples() {
        byte[] payload = WavBytes.floats(Float.NEGATIVE_INFINITY);

        assertThatThrownBy(() -> SampleDecoder.decode(payload, SampleEncoding.FLOAT32LE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Infinity");
    }

    @Test
    void shouldRejectAPayloadThatIsNotAWholeNumberOfFrames() {
        byte[] payload = new byte[6];

        assertThatThrownBy(() -> SampleDecoder.decode(payload, SampleEncoding.PCM_S16LE, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 bytes")
                .hasMessageContaining("multiple of 4 bytes");
    }

    @Test
    void shouldRejectAChannelCountBelowOne() {
        assertThatThrownBy(() -> SampleDecoder.decode(new byte[4], SampleEncoding.MULAW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1, got 0");
    }

    @Test
    void shouldDecodeOnlyTheGivenRangeOfThePayload() {
        // Given a payload with one frame of junk on either side
        byte[] payload = WavBytes.shorts(999, 16384, -16384, 999);

        // When
        float[][] channels = SampleDecoder.decode(payload, 2, 4, SampleEncoding.PCM_S16LE, 1);

        // Then
        assertThat(channels[0]).containsExactly(0.5f, -0.5f);
    }

    @Test
    void shouldDecodeAnEmptyPayloadToEmptyChannels() {
        float[][] channels = SampleDecoder.decode(new byte[0], SampleEncoding.ALAW, 2);

        assertThat(channels).hasDimensions(2, 0);
    }
}
