package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscribeCommandTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();

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
    void shouldFailWithAClearMessageForAMissingFile() throws Exception {
        CommandRun output = CommandRun.main("transcribe", "--model", oracle(), dir.resolve("absent.wav").toString());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).contains("callscribe transcribe:").contains("absent.wav");
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
