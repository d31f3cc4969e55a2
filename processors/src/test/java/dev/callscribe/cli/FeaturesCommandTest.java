package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.audio.LogMelOptions;
import dev.callscribe.audio.LogMelSpectrogram;
import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.codec.WavReader;
import dev.callscribe.codec.WavWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldWriteTheLogMelOfA16kHzMonoWavAsFloat32LittleEndianRows() throws IOException {
        // Given two seconds of 16 kHz mono audio
        Path in = tempDir.resolve("in.wav");
        Path out = tempDir.resolve("out.f32");
        WavWriter.writeMono16k(in, noise(32_000));

        // When
        int status = Main.run("features", in.toString(), out.toString());

        // Then the file holds exactly the in-process features, 80 x 3000
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        float[] expected = new LogMelSpectrogram(LogMelOptions.defaults())
                .compute(WavReader.read(in).decodeChannels()[0]);
        assertThat(readFloats(out)).hasSize(80 * 3000).isEqualTo(expected);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("80 x 3000");
    }

    @Test
    void shouldWrite128MelBandsWhenAsked() throws IOException {
        // Given
        Path in = tempDir.resolve("in.wav");
        Path out = tempDir.resolve("out.f32");
        WavWriter.writeMono16k(in, noise(8_000));

        // When
        int status = Main.run("features", in.toString(), out.toString(), "--n-mels", "128");

        // Then
        assertThat(status).isZero();
        assertThat(readFloats(out)).hasSize(128 * 3000);
    }

    @Test
    void shouldResampleOtherRatesWithThePipelinesResampler() throws IOException {
        // Given 8 kHz mono audio
        Path in = tempDir.resolve("in8k.wav");
        Path out = tempDir.resolve("out.f32");
        Files.write(in, WavWriter.encodeMonoPcm16(noise(16_000), 8_000));

        // When
        int status = Main.run("features", in.toString(), out.toString());

        // Then
        assertThat(status).isZero();
        float[] samples = StreamingResampler.resampleTo16kHz(WavReader.read(in).decodeChannels()[0], 8_000);
        assertThat(readFloats(out)).isEqualTo(new LogMelSpectrogram(LogMelOptions.defaults()).compute(samples));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("resampled from 8000 Hz");
    }

    @Test
    void shouldFailWithAClearMessageWhenTheInputIsMissing() {
        // Given
        Path missing = tempDir.resolve("missing.wav");

        // When
        int status = Main.run("features", missing.toString(), tempDir.resolve("out.f32").toString());

        // Then
        assertThat(status).isEqualTo(FeaturesCommand.INPUT_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("callscribe features: cannot read " + missing + ": no such file");
        assertThat(tempDir.resolve("out.f32")).doesNotExist();
    }

    @Test
    void shouldAskForAChannelWhenTheInputIsStereo() throws IOException {
        // Given a two-channel WAV
        Path in = tempDir.resolve("stereo.wav");
        Files.write(in, stereoPcm16(new float[200]));

        // When
        int status = Main.run("features", in.toString(), tempDir.resolve("out.f32").toString());

        // Then
        assertThat(status).isEqualTo(FeaturesCommand.INPUT_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("has 2 channels").contains("--channel 0..1");
    }

    @Test
    void shouldUseTheChosenChannelOfAStereoFile() throws IOException {
        // Given a stereo file whose right channel alone carries sound
        float[] right = noise(8_000);
        float[] interleaved = new float[2 * right.length];
        for (int i = 0; i < right.length; i++) {
            interleaved[2 * i + 1] = right[i];
        }
        Path in = tempDir.resolve("stereo.wav");
        Path out = tempDir.resolve("out.f32");
        Files.write(in, stereoPcm16(interleaved));

        // When
        int status = Main.run("features", in.toString(), out.toString(), "--channel", "1");

        // Then
        assertThat(status).isZero();
        float[] expected = new LogMelSpectrogram(LogMelOptions.defaults())
                .compute(WavReader.read(in).decodeChannels()[1]);
        assertThat(readFloats(out)).isEqualTo(expected);
    }

    @Test
    void shouldFailWithAClearMessageWhenTheOutputDirectoryIsMissing() throws IOException {
        // Given
        Path in = tempDir.resolve("in.wav");
        WavWriter.writeMono16k(in, new float[160]);
        Path out = tempDir.resolve("no-such-dir").resolve("out.f32");

        // When
        int status = Main.run("features", in.toString(), out.toString());

        // Then
        assertThat(status).isEqualTo(FeaturesCommand.INPUT_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("cannot write " + out + ": no such file or directory");
    }

    @Test
    void shouldRejectANonPositiveMelCountAsAUsageError() throws IOException {
        // Given
        Path in = tempDir.resolve("in.wav");
        WavWriter.writeMono16k(in, new float[160]);

        // When
        int status = Main.run("features", in.toString(), tempDir.resolve("out.f32").toString(), "--n-mels", "0");

        // Then
        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--n-mels must be positive, got 0");
    }

    private static float[] noise(int length) {
        Random random = new Random(length);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) (0.3 * random.nextGaussian());
        }
        return samples;
    }

    /** A two-channel 16 kHz PCM16 WAV file of interleaved samples, made by relabelling a mono file's header. */
    private static byte[] stereoPcm16(float[] interleaved) {
        byte[] mono = WavWriter.encodeMonoPcm16(interleaved, 16_000);
        ByteBuffer header = ByteBuffer.wrap(mono).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort(22, (short) 2).putInt(28, 16_000 * 4).putShort(32, (short) 4);
        return mono;
    }

    private static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
