package dev.callscribe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFileReaderTest {

    /** 0.25 s of two-channel 8 kHz PCM16; the FLAC fixtures were encoded from it (see the README beside it). */
    private static final Path TONE_WAV = resource("tone-2ch-8k.wav");

    @TempDir
    Path dir;

    @Test
    void shouldRecogniseFlacByItsContentWhateverItsName() throws IOException {
        Path file = Files.copy(resource("tone-2ch-8k-16bit.flac"), dir.resolve("call-17.audio"));

        WavAudio audio = AudioFileReader.read(file);

        assertThat(audio.payload()).isEqualTo(WavReader.read(TONE_WAV).payload());
    }

    @Test
    void shouldDecodeSixteenBitFlacToExactlyTheSamplesItWasEncodedFrom() throws IOException {
        WavAudio audio = AudioFileReader.read(resource("tone-2ch-8k-16bit.flac"));

        assertThat(audio.encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(audio.sampleRateHz()).isEqualTo(8_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.frameCount()).isEqualTo(2_000);
        assertThat(audio.payload()).isEqualTo(WavReader.read(TONE_WAV).payload());
    }

    @Test
    void shouldKeepTheTopSixteenBitsOfTwentyFourBitFlac() throws IOException {
        WavAudio audio = AudioFileReader.read(resource("tone-2ch-8k-24bit.flac"));

        assertThat(audio.encoding()).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(audio.payload()).isEqualTo(WavReader.read(TONE_WAV).payload());
    }

    @Test
    void shouldWidenEightBitFlacToPcm16() throws IOException {
        WavAudio audio = AudioFileReader.read(resource("tone-1ch-16k-8bit.flac"));

        assertThat(audio.sampleRateHz()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.payload()).isEqualTo(WavReader.read(resource("tone-1ch-16k-8bit-as-16bit.wav")).payload());
    }

    @Test
    void shouldRefuseATruncatedFlacFileSayingHowMuchIsMissing() throws IOException {
        byte[] flac = Files.readAllBytes(resource("tone-2ch-8k-16bit.flac"));
        Path truncated = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(flac, flac.length / 2));

        assertThatThrownBy(() -> AudioFileReader.read(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(truncated + ": ")
                .hasMessageContaining("FLAC")
                .hasMessageContaining("2000 frames");
    }

    @Test
    void shouldRefuseAFlacFileWhoseFramesFailTheirChecks() throws IOException {
        byte[] flac = Files.readAllBytes(resource("tone-2ch-8k-16bit.flac"));
        for (int i = flac.length / 2; i < flac.length / 2 + 16; i++) {
            flac[i] ^= (byte) 0x5A;
        }
        Path corrupt = Files.write(dir.resolve("corrupt.flac"), flac);

        assertThatThrownBy(() -> AudioFileReader.read(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(corrupt + ": ")
                .hasMessageContaining("FLAC");
    }

    @Test
    void shouldSayWhatAnUnrecognisedFileStartsWith() throws IOException {
        Path file = Files.write(dir.resolve("song.mp3"), new byte[] {'I', 'D', '3', 4, 0, 0});

        assertThatThrownBy(() -> AudioFileReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": not a WAV or FLAC file (it starts with bytes 49 44 33 04); headerless audio "
                        + "can be read when its encoding, sample rate and channel count are given");
    }

    @Test
    void shouldWarnNamingTheFileWhenTheWavHeaderPromisesMoreAudioThanTheFileHolds() throws IOException {
        // Given a mono 8 kHz PCM16 file whose header promises 1 s (16000 bytes) and that holds 0.5 s
        byte[] present = new byte[8_000];
        Path file = Files.write(dir.resolve("cut.wav"),
                WavBytes.pcm16(1, 8_000).payload(present).declaredDataSize(16_000).build());
        List<String> warnings = new ArrayList<>();

        // When
        WavAudio audio = AudioFileReader.read(file, warnings::add);

        // Then the audio present is read, and the warning names the file and both lengths
        assertThat(audio.durationSeconds()).isEqualTo(0.5);
        assertThat(warnings).singleElement().asString()
                .startsWith(file + ": ")
                .contains("promises 16000 bytes of audio (1.0 s)", "holds 8000 (0.5 s)", "cut short");
    }

    @Test
    void shouldNotWarnAboutTheSizeAStreamingWriterLeavesUnset() throws IOException {
        // Given ffmpeg's header for a pipe: data size 0xFFFFFFFF
        Path file = Files.write(dir.resolve("piped.wav"),
                WavBytes.pcm16(1, 8_000).payload(new byte[800]).declaredDataSize(-1).build());
        List<String> warnings = new ArrayList<>();

        // When
        WavAudio audio = AudioFileReader.read(file, warnings::add);

        // Then
        assertThat(audio.frameCount()).isEqualTo(400);
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldNotWarnAboutACompleteWavFile() throws IOException {
        List<String> warnings = new ArrayList<>();

        AudioFileReader.read(TONE_WAV, warnings::add);

        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldSayWhichFileDoesNotExist() {
        Path missing = dir.resolve("missing.wav");

        assertThatThrownBy(() -> AudioFileReader.read(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void shouldSayWhichPathIsADirectoryRatherThanAFile() {
        assertThatThrownBy(() -> AudioFileReader.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + dir + ": it is a directory, not a file");
    }

    @Test
    void shouldTellTheContainerByTheFirstBytes() throws IOException {
        assertThat(AudioFileReader.containerOf(Files.readAllBytes(TONE_WAV))).hasValue("WAV");
        assertThat(AudioFileReader.containerOf(Files.readAllBytes(resource("tone-1ch-16k-8bit.flac"))))
                .hasValue("FLAC");
        assertThat(AudioFileReader.containerOf(new byte[] {'I', 'D', '3'})).isEmpty();
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(AudioFileReaderTest.class.getResource("/audio/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
