package dev.callscribe.cli;

import dev.callscribe.model.ModelLoader;
import dev.callscribe.model.WhisperModel;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that pick a model, local or from the Hugging Face Hub, and how it runs. */
final class ModelSelection {

    /** The model used when none is named: the smallest Distil-Whisper, in its transformers.js ONNX export. */
    static final String DEFAULT_MODEL = "distil-whisper/distil-small.en";

    @Option(names = {"-m", "--model"}, defaultValue = DEFAULT_MODEL,
            description = "A model folder (Optimum or transformers.js ONNX layout) or a Hugging Face repo id, "
                    + "downloaded once into the Hugging Face cache (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    RuntimeOptions runtime;

    WhisperModel load() throws IOException {
        return ModelLoader.fromEnvironment(System.getenv()).load(model, runtime.modelOptions());
    }
}
