package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference recordings read as the front-end expects them. */
class ReferenceRecordingsTest {

    @Test
    void shouldReadTheTwoChannelMuLawDemoCall() throws IOException {
        // Given
        Path file = ReferenceFiles.path(ReferenceFiles.TWO_CHANNEL_CALL);

        // When
        WavAudio audio = WavReader.read(file);
        float[][] channels = audio.decodeChannels();

        // Then: 29 s of 8 kHz mu-law stereo, and in the first seconds only the agent (channel 0) speaks
        assertThat(audio.sampleRateHz()).isEqualTo(8_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.encoding()).isEqualTo(SampleEncoding.MULAW);
        assertThat(audio.durationSeconds()).isCloseTo(29.0, within(0.5));
        double agent = Signals.rms(channels[0], 4_000, 44_000);
        double customer = Signals.rms(channels[1], 4_000, 44_000);
        assertThat(agent).isGreaterThan(10 * customer);
    }

    @Test
    void shouldReadTheAgentRecordingAs16kHzMonoPcm16() throws IOException {
        WavAudio audio = WavReader.read(ReferenceFiles.path(ReferenceFiles.AGENT_16K));

        assertThat(audio.sampleRateHz()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(audio.durationSeconds()).isCloseTo(29.0, within(0.5));
    }
}
