package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;

/** A copy of a decoder's {@code logits} output, {@code [batch, positions, vocab]}, read row by row as floats. */
final class Logits {

    private final float[] values;
    private final int positions;
    private final int vocab;

    private Logits(float[] values, int positions, int vocab) {
        this.values = values;
        this.positions = positions;
        this.vocab = vocab;
    }

    /** Copies a logits tensor (float or float16) out of ONNX Runtime. */
    static Logits copyOf(OnnxTensor tensor) throws OrtException {
        long[] shape = tensor.getInfo().getShape();
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null) {
            throw new OrtException("logits of type " + tensor.getInfo().type + " cannot be read as floats");
        }
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return new Logits(values, (int) shape[1], (int) shape[2]);
    }

    /** The logits of one row at one position: a fresh array the caller may modify. */
    float[] row(int batchRow, int position) {
        float[] row = new float[vocab];
        System.arraycopy(values, (batchRow * positions + position) * vocab, row, 0, vocab);
        return row;
    }

    /** The logits of one row at its last position. */
    float[] lastRow(int batchRow) {
        return row(batchRow, positions - 1);
    }

    int vocab() {
        return vocab;
    }
}
