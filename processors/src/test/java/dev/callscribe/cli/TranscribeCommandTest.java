package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

        Output output = run("transcribe", "--model", oracle(), "--language", "en", call.toString());

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
        Output output = run("transcribe", "--json", "--model", oracle(), "--language", "en", stereoCall().toString());

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
        Output output = run("transcribe", "--model", oracle(), dir.resolve("absent.wav").toString());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).contains("callscribe transcribe:").contains("absent.wav");
    }

    /** Agent on channel 0, customer on channel 1, 20 s, 16-bit PCM at 8 kHz (the telephony rate). */
    private Path stereoCall() throws Exception {
        float[] agent = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"), Placement.of(3, "world")), 20, 0);
        float[] customer = ORACLE.synthesizeRecording(List.of(Placement.of(0, "thanks"), Placement.of(6, "order")),
                20, 0);
        Path file = dir.resolve("call.wav");
        Files.write(file, stereoWav(downsampleBy2(agent), downsampleBy2(customer), 8000));
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

    private static byte[] stereoWav(float[] left, float[] right, int rate) {
        int frames = left.length;
        ByteBuffer wav = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate)
                .putInt(rate * 4).putShort((short) 4).putShort((short) 16);
        wav.put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            wav.putShort(pcm(left[i])).putShort(pcm(right[i]));
        }
        return wav.array();
    }

    private static short pcm(float sample) {
        return (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
    }

    private static String oracle() {
        return FixtureModel.resourceDir("oracle").toString();
    }

    private static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Output(status, out.toString(), err.toString());
    }

    private record Output(int status, String out, String err) {
    }
}
