package dev.callscribe.engine;

import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.model.DecoderLayout;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.WhisperModel;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Opens the committed fixture models with the engine, in the decoder layout a test asks for. */
final class EngineFixtures {

    static final String ORACLE = "oracle";
    static final String TINY_RANDOM_EN = "tiny-random-en";
    static final String TINY_RANDOM_MULTILINGUAL = "tiny-random-multilingual-onnx";

    private EngineFixtures() {
    }

    static WhisperModel model(String name, DecoderLayout layout) {
        try {
            return ModelFolder.read(FixtureModel.resourceDir(name), ModelOptions.defaults().withDecoderLayout(layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WhisperEngine engine(String name, DecoderLayout layout, EngineOptions options) {
        try {
            return WhisperEngine.open(model(name, layout), options.withIntraOpThreads(1));
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException("Cannot open fixture " + name, e);
        }
    }
}
