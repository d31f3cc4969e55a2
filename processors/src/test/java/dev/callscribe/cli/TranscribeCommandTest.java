package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.FlacBytes;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscribeCommandTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final int WAV_HEADER_BYTES = 44;

    @TempDir
    Path dir;

    @Test
    void shouldPrintEachChannelsSegmentsWithTimestamps() throws Exception {
        Path call = stereoCall();

        CommandRun output = CommandRun.main("transcribe", "--model", oracle(), "--language", "en", call.toString());

        assertThat(output.status()).isZero();
        assertThat(output.out()).contains(
                "== call.wav, channel 0 ==",
                "[00:01.000 --> 00:02.000] hello",
                "[00:03.000 --> 00:04.000] world",
                "== call.wav, channel 1 ==",
                "[00:00.000 --> 00:01.000] thanks");
    }

    @Test
    void shouldWriteOneJsonObjectPerChannel() throws Exception {
        CommandRun output = CommandRun.main("transcribe", "--json", "--model", oracle(), "--language", "en",
                stereoCall().toString());

        List<String> lines = output.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode agent = new ObjectMapper().readTree(lines.get(0));
        assertThat(agent.get("channel").asInt()).isZero();
        assertThat(agent.get("text").asText()).isEqualTo(" hello world");
        assertThat(agent.get("segments").get(1).get("start_ms").asLong()).isEqualTo(3000);
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("text").asText()).isEqualTo(" thanks order");
    }

    @Test
    void shouldTranscribeAFlacFileAsTheSameAudioInAWavFile() throws Exception {
        // Given the stereo call as FLAC, under a name that does not say so
        Path flac = Files.write(dir.resolve("call.audio"), FlacBytes.fromPcm16Wav(Files.readAllBytes(stereoCall())));

        // When
        CommandRun output = CommandRun.main("transcribe", "--model", oracle(), "--language", "en", flac.toString());

        // Then
        assertThat(output.status()).as(output.err()).isZero();
        assertThat(output.out()).contains(
                "== call.audio, channel 0 ==",
                "[00:01.000 --> 00:02.000] hello",
                "[00:03.000 --> 00:04.000] world",
                "== call.audio, channel 1 ==",
                "[00:00.000 --> 00:01.000] thanks");
    }

    @Test
    void shouldTranscribeTheAudioAWavFileCutShortHolds() throws Exception {
        // Given the stereo call cut after 5 s (8 kHz, 2 channels, 2 bytes a sample), its header still promising 20 s
        byte[] whole = Files.readAllBytes(stereoCall());
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(whole, WAV_HEADER_BYTES + 5 * 8000 * 2 * 2));

        // When
        CommandRun output = CommandRun.main("transcribe", "--model", oracle(), "--language", "en", cut.toString());

        // Then the first 5 s are transcribed
        assertThat(output.status()).as(output.err()).isZero();
        assertThat(output.out()).contains("[00:01.000 --> 00:02.000] hello", "[00:03.000 --> 00:04.000] world",
                "[00:00.000 --> 00:01.000] thanks").doesNotContain("order");
    }

    @Test
    void shouldFailWithAClearMessageForAMissingFile() throws Exception {
        CommandRun output = CommandRun.main("transcribe", "--model", oracle(), dir.resolve("absent.wav").toString());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).isEqualTo("callscribe transcribe: cannot read " + dir.resolve("absent.wav")
                + ": no such file" + System.lineSeparator());
    }

    /** Agent on channel 0, customer on channel 1, 20 s, 16-bit PCM at 8 kHz (the telephony rate). */
    private Path stereoCall() throws Exception {
        float[] agent = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"), Placement.of(3, "world")), 20, 0);
        float[] customer = ORACLE.synthesizeRecording(List.of(Placement.of(0, "thanks"), Placement.of(6, "order")),
                20, 0);
        Path file = dir.resolve("call.wav");
        Files.write(file, WavWriter.encodePcm16(new float[][] {downsampleBy2(agent), downsampleBy2(customer)}, 8000));
        return file;
    }

    /** 16 kHz to 8 kHz by dropping every other sample; the words used are tones below 4 kHz, so nothing aliases. */
    private static float[] downsampleBy2(float[] samples) {
        float[] out = new float[samples.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[2 * i];
        }
        return out;
    }

    private static String oracle() {
        return FixtureModel.resourceDir("oracle").toString();
    }
}
