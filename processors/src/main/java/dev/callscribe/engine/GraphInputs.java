package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of one graph run: tensors it creates (closed with it) and tensors it borrows (owned elsewhere). Only
 * the inputs the graph declares are passed, so one set of inputs serves the merged and the split decoders.
 */
final class GraphInputs implements AutoCloseable {

    private final Map<String, OnnxTensor> inputs = new HashMap<>();
    private final List<OnnxTensor> owned = new ArrayList<>();

    /** Adds a tensor this object creates and must close. */
    GraphInputs own(String name, OnnxTensor tensor) {
        inputs.put(name, tensor);
        owned.add(tensor);
        return this;
    }

    /** Adds a tensor owned elsewhere (a cache output of an earlier step, the encoder output). */
    GraphInputs borrow(String name, OnnxTensor tensor) {
        inputs.put(name, tensor);
        return this;
    }

    /** Runs the session on the inputs it declares; the caller owns the result. */
    OrtSession.Result run(OrtSession session) throws OrtException {
        Set<String> declared = session.getInputNames();
        Map<String, OnnxTensor> used = new HashMap<>();
        for (String name : declared) {
            OnnxTensor tensor = inputs.get(name);
            if (tensor == null) {
                throw new IllegalStateException("No value for the decoder input " + name + "; the graph expects "
                        + declared);
            }
            used.put(name, tensor);
        }
        return session.run(used);
    }

    @Override
    public void close() {
        owned.forEach(OnnxTensor::close);
    }
}
