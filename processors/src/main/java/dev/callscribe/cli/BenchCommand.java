package dev.callscribe.cli;

import dev.callscribe.bench.BenchModel;
import dev.callscribe.bench.EngineBench;
import dev.callscribe.bench.LogMelBench;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.WhisperModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe bench}: prints log-mel throughput and the engine's encoder and decoder time per window at several
 * batch sizes. Figures vary with the machine and its load: compare ratios from one run, not runs across machines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure log-mel throughput and encoder/decoder time per window by batch size.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", description = "Model folder to bench; default: generate one (see --generate).")
    private Path model;

    @Option(names = "--generate", defaultValue = "distil-small.en",
            description = "Without --model, bench a random-weight model with these dimensions: distil-small.en or "
                    + "distil-large-v3 (default: ${DEFAULT-VALUE}).")
    private String generate;

    @Option(names = "--work-dir", defaultValue = "${sys:user.home}/.cache/callscribe/bench-models",
            description = "Where generated models are kept between runs (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with python3-onnx and python3-numpy (default: ${DEFAULT-VALUE}).")
    private Path python;

    @Option(names = "--generator", defaultValue = "processors/src/test/python/whisper_fixtures.py",
            description = "The fixture generator script (default: ${DEFAULT-VALUE}, from the project root).")
    private Path generator;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,4,16",
            description = "Batch sizes to measure (default: ${DEFAULT-VALUE}).")
    private List<Integer> batchSizes;

    @Option(names = "--repeats", defaultValue = "2",
            description = "Timed batches per size (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--max-new-tokens", defaultValue = "32",
            description = "Decoder steps per window (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--logmel-windows", defaultValue = "20",
            description = "30 s windows timed for the log-mel figure (default: ${DEFAULT-VALUE}).")
    private int logMelWindows;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Machine: %d processors, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.arch"));
        printLogMel(out);
        WhisperModel whisper = ModelFolder.read(modelFolder(), runtime.modelOptions());
        try (WhisperEngine engine = WhisperEngine.open(whisper, runtime.engineOptions())) {
            printEngine(out, engine);
        }
        return 0;
    }

    private Path modelFolder() throws Exception {
        return model != null ? model : BenchModel.forCheckpoint(generate).generate(workDir, python, generator);
    }

    private void printLogMel(PrintWriter out) {
        out.println();
        out.println("| log-mel (1 thread) | ms per 30 s window | x real time |");
        out.println("|---|---|---|");
        for (int mels : new int[] {80, 128}) {
            LogMelBench.Result result = LogMelBench.run(mels, logMelWindows);
            out.printf("| %d mels | %.1f | %.0f |%n", mels, result.millisPerWindow(), result.timesRealTime());
            out.flush();
        }
    }

    private void printEngine(PrintWriter out, WhisperEngine engine) throws Exception {
        out.printf("%nModel %s on %s, %d decoder steps per window, %d timed batches per size%n",
                engine.model().id(), engine.provider(), maxNewTokens, repeats);
        out.println("| batch | encoder ms/window | decoder ms/window | decoder ms/step (batch) | total ms/window "
                + "| speed-up vs batch 1 |");
        out.println("|---|---|---|---|---|---|");
        EngineBench bench = new EngineBench(engine, maxNewTokens);
        double single = Double.NaN;
        for (int batch : batchSizes) {
            EngineBench.Result result = bench.run(batch, repeats);
            single = Double.isNaN(single) ? result.totalMsPerWindow() : single;
            out.printf("| %d | %.1f | %.1f | %.2f | %.1f | %.2fx |%n", batch, result.encoderMsPerWindow(),
                    result.decoderMsPerWindow(), result.decoderMsPerStep(), result.totalMsPerWindow(),
                    single / result.totalMsPerWindow());
            out.flush();
        }
    }
}
