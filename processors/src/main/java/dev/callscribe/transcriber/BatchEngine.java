package dev.callscribe.transcriber;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.result.WindowResult;
import java.util.List;

/**
 * The one engine operation the worker uses, {@code WhisperEngine::transcribe}, behind an interface so the worker's
 * handling of engine failures can be tested without a model that fails.
 */
@FunctionalInterface
interface BatchEngine {

    /**
     * Transcribes 16 kHz mono windows as one batch.
     *
     * @return one result per window, in order
     * @throws OrtException if ONNX Runtime fails
     * @throws IllegalArgumentException if a window or an option does not fit the model
     */
    List<WindowResult> transcribe(List<float[]> windows, DecodingOptions options) throws OrtException;
}
