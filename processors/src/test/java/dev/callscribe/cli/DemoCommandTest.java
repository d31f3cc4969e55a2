package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.codec.WavWriter;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();

    @TempDir
    Path dir;

    @Test
    void shouldRunTheWholePipelineOnACallAndShowItsConversationAndLatencies() throws Exception {
        // Given a two-channel call whose words the oracle model knows
        float[] agent = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"), Placement.of(3, "world")), 20, 0);
        float[] customer = ORACLE.synthesizeRecording(List.of(Placement.of(6, "thanks"), Placement.of(9, "order")),
                20, 0);
        Path call = Files.write(dir.resolve("call-7.wav"), WavWriter.encodePcm16(new float[][] {agent, customer},
                ORACLE.sampleRate()));

        // When the demo runs it through the embedded pipeline
        CommandRun output = CommandRun.command(new DemoCommand(Map.of()), "--model",
                FixtureModel.resourceDir("oracle").toString(), "--audio", call.toString(), "--no-realtime", "--timeout",
                "120");

        // Then it shows the call's conversation in time order with speakers, and the latency summary
        assertThat(output.status()).as(output.err()).isZero();
        assertThat(output.out()).containsSubsequence("== call-7 final", "agent:    hello", "agent:    world",
                "customer: thanks", "customer: order", "Latency for call call-7", "end to end, audio to transcript",
                "real-time factor");
    }

    @Test
    void shouldSayHowToRunOfflineWhenTheModelCannotBeDownloaded() {
        Map<String, String> offline = Map.of("HF_HUB_OFFLINE", "1", "HF_HOME", dir.toString());

        CommandRun output = CommandRun.command(new DemoCommand(offline), "--model", "distil-whisper/distil-small.en");

        assertThat(output.status()).isNotZero();
        assertThat(output.err()).contains("cannot load the model distil-whisper/distil-small.en",
                "pass --model DIR");
    }
}
