package dev.callscribe.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {

    /** 0.25 s of two-channel 8 kHz PCM16; the FLAC fixtures were encoded from it (see the README beside it). */
    private static final Path TONE_WAV = resource("tone-2ch-8k.wav");

    @TempDir
    Path dir;

    @Test
    void shouldRecogniseAWavFileByItsContentWhateverItsName() throws IOException {
        Path file = Files.copy(TONE_WAV, dir.resolve("call-17.audio"));

        Recording recording = Recordings.read(file);

        assertThat(recording.name()).isEqualTo("call-17.audio");
        assertThat(recording.stem()).isEqualTo("call-17");
        assertThat(recording.audio().payload()).isEqualTo(WavReader.read(TONE_WAV).payload());
    }

    @Test
    void shouldReadHeaderlessAudioInTheFormatGiven() throws IOException {
        byte[] mulaw = {0x7F, (byte) 0xFF, 0x00, (byte) 0x80, 0x10, 0x20};
        Path file = Files.write(dir.resolve("call.ulaw"), mulaw);

        Recording recording = Recordings.readRaw(file, new RawFormat(SampleEncoding.MULAW, 8_000, 2));

        assertThat(recording.audio().payload()).isEqualTo(mulaw);
        assertThat(recording.audio().frameCount()).isEqualTo(3);
        assertThat(recording.audio().channels()).isEqualTo(2);
        assertThat(recording.audio().encoding()).isEqualTo(SampleEncoding.MULAW);
    }

    @Test
    void shouldRefuseHeaderlessAudioThatIsNotAWholeNumberOfFrames() throws IOException {
        Path file = Files.write(dir.resolve("odd.raw"), new byte[7]);

        assertThatThrownBy(() -> Recordings.readRaw(file, new RawFormat(SampleEncoding.PCM_S16LE, 16_000, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("7 bytes is not a whole number of frames");
    }

    @Test
    void shouldRefuseToReadAWavFileAsHeaderlessAudio() {
        assertThatThrownBy(() -> Recordings.readRaw(TONE_WAV, new RawFormat(SampleEncoding.PCM_S16LE, 8_000, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a WAV file, not headerless audio");
    }

    @Test
    void shouldRefuseARecordingWithoutAudio() throws IOException {
        Path empty = Files.write(dir.resolve("empty.raw"), new byte[0]);

        assertThatThrownBy(() -> Recordings.readRaw(empty, new RawFormat(SampleEncoding.MULAW, 8_000, 1)))
                .hasMessage(empty + ": no audio (0 frames)");
        assertThatThrownBy(() -> Recordings.read(empty)).hasMessageContaining("it is empty");
    }

    @Test
    void shouldSayWhichFileCannotBeRead() {
        Path missing = dir.resolve("missing.wav");

        assertThatThrownBy(() -> Recordings.read(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void shouldAcceptTheEncodingNamesOfFfmpegAndSoxIgnoringCase() {
        assertThat(RawFormat.parseEncoding("ULAW")).isEqualTo(SampleEncoding.MULAW);
        assertThat(RawFormat.parseEncoding("s16le")).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThat(RawFormat.parseEncoding("a-law")).isEqualTo(SampleEncoding.ALAW);
        assertThat(RawFormat.parseEncoding("Float32LE")).isEqualTo(SampleEncoding.FLOAT32LE);
        assertThatThrownBy(() -> RawFormat.parseEncoding("opus"))
                .hasMessage("unknown sample encoding 'opus', expected one of pcm_s16le (s16le), mulaw (ulaw), alaw, "
                        + "float32le (f32le)");
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(RecordingsTest.class.getResource("/audio/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
