package dev.callscribe.cli;

import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.ExecutionProvider;
import dev.callscribe.model.ModelDtype;
import dev.callscribe.model.ModelOptions;
import picocli.CommandLine.Option;

/** How a model runs: which weight variants, on which device, with how many threads. Shared by commands. */
final class RuntimeOptions {

    @Option(names = "--encoder-dtype", defaultValue = "FP32",
            description = "Encoder variant: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelDtype encoderDtype;

    @Option(names = "--decoder-dtype", defaultValue = "FP32",
            description = "Decoder variant: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelDtype decoderDtype;

    @Option(names = "--provider", defaultValue = "CPU",
            description = "CPU or CUDA (needs the gpu build; falls back to CPU) (default: ${DEFAULT-VALUE}).")
    ExecutionProvider provider;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads per operator; 0 lets ONNX Runtime choose (default: ${DEFAULT-VALUE}).")
    int threads;

    ModelOptions modelOptions() {
        return ModelOptions.defaults().withEncoderDtype(encoderDtype).withDecoderDtype(decoderDtype);
    }

    EngineOptions engineOptions() {
        return EngineOptions.defaults().withProvider(provider).withIntraOpThreads(threads);
    }
}
