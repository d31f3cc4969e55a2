package dev.callscribe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @TempDir
    Path tempDir;

    @Test
    void shouldRoundTripPcm16ValuesExactlyThroughAFile() throws IOException {
        // Given samples that are exact PCM16 values
        float[] samples = {0.0f, 0.5f, -1.0f, 32767 / 32768.0f, -3 / 32768.0f};
        Path file = tempDir.resolve("out.wav");

        // When
        WavWriter.writeMono16k(file, samples);
        WavAudio audio = WavReader.read(file);

        // Then
        assertThat(audio.sampleRateHz()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(audio.decodeChannels()[0]).containsExactly(samples);
    }

    @Test
    void shouldInterleaveChannelsFrameByFrame() {
        float[] agent = {0.5f, -0.5f, 0.25f};
        float[] customer = {0.0f, 0.125f, -1.0f};

        WavAudio audio = WavReader.read(WavWriter.encodePcm16(new float[][] {agent, customer}, 8_000));

        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.frameCount()).isEqualTo(3);
        assertThat(audio.decodeChannels()[0]).containsExactly(agent);
        assertThat(audio.decodeChannels()[1]).containsExactly(customer);
    }

    @Test
    void shouldRefuseChannelsOfDifferentLengths() {
        assertThatThrownBy(() -> WavWriter.encodePcm16(new float[][] {{0f, 0f}, {0f}}, 8_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }

    @Test
    void shouldClipSamplesOutsideTheRangeAndWriteNanAsSilence() {
        // When
        byte[] file = WavWriter.encodeMonoPcm16(new float[] {1.5f, -2.0f, Float.NaN}, 8_000);

        // Then
        float[] decoded = WavReader.read(file).decodeChannels()[0];
        assertThat(decoded).containsExactly(32767 / 32768.0f, -1.0f, 0.0f);
        assertThat(WavReader.read(file).sampleRateHz()).isEqualTo(8_000);
    }

    @Test
    void shouldRoundToTheNearestPcm16Value() {
        assertThat(WavWriter.toPcm16(0.4f / 32768)).isEqualTo((short) 0);
        assertThat(WavWriter.toPcm16(0.6f / 32768)).isEqualTo((short) 1);
        assertThat(WavWriter.toPcm16(-0.6f / 32768)).isEqualTo((short) -1);
    }
}
