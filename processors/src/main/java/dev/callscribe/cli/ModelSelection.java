package dev.callscribe.cli;

import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.ExecutionProvider;
import dev.callscribe.model.ModelDtype;
import dev.callscribe.model.ModelLoader;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.WhisperModel;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The options that pick a model and how it runs, shared by the commands that transcribe. */
final class ModelSelection {

    /** The model used when none is named: the smallest Distil-Whisper, in its transformers.js ONNX export. */
    static final String DEFAULT_MODEL = "distil-whisper/distil-small.en";

    @Option(names = {"-m", "--model"}, defaultValue = DEFAULT_MODEL,
            description = "A model folder (Optimum or transformers.js ONNX layout) or a Hugging Face repo id, "
                    + "downloaded once into the Hugging Face cache (default: ${DEFAULT-VALUE}).")
    String model;

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

    WhisperModel load() throws IOException {
        ModelOptions options = ModelOptions.defaults().withEncoderDtype(encoderDtype).withDecoderDtype(decoderDtype);
        return ModelLoader.fromEnvironment(System.getenv()).load(model, options);
    }

    EngineOptions engineOptions() {
        return EngineOptions.defaults().withProvider(provider).withIntraOpThreads(threads);
    }
}
