package dev.callscribe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavReaderTest {

    @Test
    void shouldReadAPcm16MonoFile() {
        // Given
        byte[] payload = WavBytes.shorts(0, 16384, -16384);
        byte[] file = WavBytes.pcm16(1, 16_000).payload(payload).build();

        // When
        WavAudio audio = WavReader.read(file);

        // Then
        assertThat(audio.sampleRateHz()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(audio.payload()).containsExactly(payload);
        assertThat(audio.decodeChannels()[0]).containsExactly(0.0f, 0.5f, -0.5f);
    }

    @Test
    void shouldReadStereoMuLawWithAFactChunkAndAnExtendedFmtChunk() {
        // Given the layout of a typical telephony WAV: 8 kHz mu-law, fmt with cbSize, a fact chunk
        byte[] file = new WavBytes().format(7, 8).channels(2).rate(8_000)
                .chunk("fact", new byte[] {2, 0, 0, 0})
                .payload(new byte[] {(byte) 0xFF, 0x00, (byte) 0x80, (byte) 0xFF}).build();

        // When
        WavAudio audio = WavReader.read(file);

        // Then
        assertThat(audio.encoding()).isEqualTo(SampleEncoding.MULAW);
        assertThat(audio.frameCount()).isEqualTo(2);
        assertThat(audio.decodeChannels()[1]).containsExactly(-32124 / 32768.0f, 0.0f);
    }

    @Test
    void shouldReadALaw() {
        byte[] file = new WavBytes().format(6, 8).rate(8_000).payload(new byte[] {(byte) 0xD5}).build();

        WavAudio audio = WavReader.read(file);

        assertThat(audio.encoding()).isEqualTo(SampleEncoding.ALAW);
        assertThat(audio.decodeChannels()[0]).containsExactly(8 / 32768.0f);
    }

    @Test
    void shouldReadIeeeFloat() {
        byte[] file = new WavBytes().format(3, 32).rate(48_000).payload(WavBytes.floats(0.125f, -0.75f)).build();

        WavAudio audio = WavReader.read(file);

        assertThat(audio.encoding()).isEqualTo(SampleEncoding.FLOAT32LE);
        assertThat(audio.sampleRateHz()).isEqualTo(48_000);
        assertThat(audio.decodeChannels()[0]).containsExactly(0.125f, -0.75f);
    }

    @Test
    void shouldReadWaveFormatExtensibleByItsSubFormat() {
        // Given float and PCM16 wrapped in WAVE_FORMAT_EXTENSIBLE
        byte[] floats = new WavBytes().format(3, 32).channels(2).rate(44_100).extensible()
                .payload(WavBytes.floats(0.5f, -0.5f)).build();
        byte[] pcm = WavBytes.pcm16(2, 22_050).extensible().payload(WavBytes.shorts(16384, -16384)).build();

        // Then
        assertThat(WavReader.read(floats).encoding()).isEqualTo(SampleEncoding.FLOAT32LE);
        assertThat(WavReader.read(floats).decodeChannels()[1]).containsExactly(-0.5f);
        assertThat(WavReader.read(pcm).encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(WavReader.read(pcm).decodeChannels()[0]).containsExactly(0.5f);
    }

    @Test
    void shouldSkipUnknownChunksIncludingOddSizedOnes() {
        // Given LIST and an odd-sized custom chunk (with its pad byte) between fmt and data
        byte[] file = WavBytes.pcm16(1, 16_000)
                .chunk("LIST", "INFOISFT\u0005\0\0\0test\0".getBytes(StandardCharsets.US_ASCII))
                .chunk("junk", new byte[] {1, 2, 3})
                .payload(WavBytes.shorts(8192)).build();

        // When
        WavAudio audio = WavReader.read(file);

        // Then
        assertThat(audio.decodeChannels()[0]).containsExactly(0.25f);
    }

    @Test
    void shouldReadToTheEndOfTheFileWhenTheDataSizeIsUnset() {
        // Given a streaming writer's header (size 0xFFFFFFFF) and a trailing partial frame
        byte[] payload = WavBytes.shorts(1, 2, 3, 4, 5);
        byte[] file = WavBytes.pcm16(2, 16_000).payload(payload).declaredDataSize(-1).build();

        // When
        WavAudio audio = WavReader.read(file);

        // Then the whole frames are read
        assertThat(audio.frameCount()).isEqualTo(2);
    }

    @Test
    void shouldRejectAFileThatIsNotRiffWave() {
        byte[] file = "OggS, not a WAV file at all".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 'RIFF'")
                .hasMessageContaining("found 'OggS'");
    }

    @Test
    void shouldRejectAnUnsupportedFormatNamingTagBitsAndTheSupportedOnes() {
        byte[] file = new WavBytes().format(1, 24).payload(new byte[3]).build();

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag 1 with 24 bits")
                .hasMessageContaining("supported: PCM 16-bit");
    }

    @Test
    void shouldRejectAnExtensibleSubFormatThatIsNotAFormatTag() {
        byte[] file = WavBytes.pcm16(1, 16_000).extensible().payload(new byte[2]).build();
        file[12 + 8 + 24 + 15] = 0x00;

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub-format GUID");
    }

    @Test
    void shouldRejectAFileWithoutADataChunk() {
        byte[] file = WavBytes.pcm16(1, 16_000).payload(new byte[0]).build();
        byte[] truncated = Arrays.copyOf(file, file.length - 8);

        assertThatThrownBy(() -> WavReader.read(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data chunk");
    }
}
