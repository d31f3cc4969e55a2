package dev.callscribe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.model.DecoderLayout;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ExecutionProviderTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final List<Placement> WORDS = List.of(Placement.of(0, "refund"), Placement.of(2, "payment"));
    private static final DecodingOptions OPTIONS = DecodingOptions.defaults().withLanguage("en");

    @Test
    void shouldFallBackToTheCpuWhenCudaCannotBeUsed() throws Exception {
        // The default build carries ONNX Runtime's CPU library, which has no CUDA provider; without a GPU the CUDA
        // build cannot load it either. Either way the engine must still run, on the CPU.
        try (WhisperEngine engine = EngineFixtures.engine(EngineFixtures.ORACLE, DecoderLayout.MERGED,
                EngineOptions.defaults().withProvider(ExecutionProvider.CUDA))) {
            if (engine.provider() == ExecutionProvider.CUDA) {
                return; // a machine with a working CUDA setup: nothing falls back
            }
            WindowResult result = engine.transcribe(List.of(ORACLE.synthesize(WORDS)), OPTIONS).get(0);

            assertThat(engine.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(result.text()).isEqualTo(" refund payment");
        }
    }

    /**
     * On a GPU machine, with the CUDA build: {@code ./mvnw -Pgpu -pl processors test -Dgroups=gpu}. The CPU result
     * is the oracle.
     */
    @Test
    @Tag("gpu")
    void shouldDecodeOnCudaExactlyAsOnTheCpu() throws Exception {
        try (WhisperEngine gpu = EngineFixtures.engine(EngineFixtures.ORACLE, DecoderLayout.MERGED,
                EngineOptions.defaults().withProvider(ExecutionProvider.CUDA));
             WhisperEngine cpu = EngineFixtures.engine(EngineFixtures.ORACLE, DecoderLayout.MERGED,
                     EngineOptions.defaults())) {
            List<float[]> windows = List.of(ORACLE.synthesize(WORDS), ORACLE.synthesize(List.of(
                    Placement.of(5, "hello"), Placement.of(6, "world"))));

            assertThat(gpu.provider()).isEqualTo(ExecutionProvider.CUDA);
            List<WindowResult> onGpu = gpu.transcribe(windows, OPTIONS);
            List<WindowResult> onCpu = cpu.transcribe(windows, OPTIONS);
            for (int row = 0; row < windows.size(); row++) {
                assertThat(onGpu.get(row).tokenIds()).isEqualTo(onCpu.get(row).tokenIds());
            }
        }
    }
}
