package dev.callscribe.engine;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** One encoder run over a batch of log-mel windows; owns the encoder output until closed. */
final class EncoderRun implements AutoCloseable {

    static final String INPUT_FEATURES = "input_features";
    static final String LAST_HIDDEN_STATE = "last_hidden_state";

    private final OrtSession.Result result;

    private EncoderRun(OrtSession.Result result) {
        this.result = result;
    }

    /**
     * Encodes {@code [batch, mels, frames]} features.
     *
     * @param features row-major features of the whole batch; read, not retained
     */
    static EncoderRun encode(OrtSessions sessions, FloatBuffer features, long[] shape) throws OrtException {
        OnnxJavaType type = Tensors.inputInfo(sessions.encoder, INPUT_FEATURES).type;
        try (OnnxTensor input = Tensors.floats(sessions.env, features, shape, type)) {
            return new EncoderRun(sessions.encoder.run(Map.of(INPUT_FEATURES, input)));
        }
    }

    /** The encoder's output, {@code [batch, 1500, d_model]}; valid until this run is closed. */
    OnnxTensor hidden() {
        return CachedDecodeSession.output(result, LAST_HIDDEN_STATE);
    }

    @Override
    public void close() {
        result.close();
    }
}
