package dev.callscribe.engine;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** Creates the input tensors the Whisper graphs take; the caller owns and closes what it gets. */
final class Tensors {

    private Tensors() {
    }

    /** A float tensor, converted to float16 when the graph's input is float16 (fp16 exports). */
    static OnnxTensor floats(OrtEnvironment env, FloatBuffer data, long[] shape, OnnxJavaType type)
            throws OrtException {
        if (type == OnnxJavaType.FLOAT16) {
            return OnnxTensor.createTensor(env, Fp16Conversions.convertFloatBufferToFp16Buffer(data), shape,
                    OnnxJavaType.FLOAT16);
        }
        return OnnxTensor.createTensor(env, data, shape);
    }

    /** int64 token ids, {@code [rows, columns]}; every row has the same length. */
    static OnnxTensor tokenIds(OrtEnvironment env, long[][] ids) throws OrtException {
        int columns = ids[0].length;
        LongBuffer buffer = LongBuffer.allocate(ids.length * columns);
        for (long[] row : ids) {
            buffer.put(row);
        }
        buffer.flip();
        return OnnxTensor.createTensor(env, buffer, new long[] {ids.length, columns});
    }

    /** int64 positions {@code [from, to)}, for exports that take a {@code cache_position} input. */
    static OnnxTensor positions(OrtEnvironment env, int from, int to) throws OrtException {
        LongBuffer buffer = LongBuffer.allocate(to - from);
        for (long p = from; p < to; p++) {
            buffer.put(p);
        }
        buffer.flip();
        return OnnxTensor.createTensor(env, buffer, new long[] {to - from});
    }

    /** The {@code use_cache_branch} flag, a bool tensor of shape [1]. */
    static OnnxTensor flag(OrtEnvironment env, boolean value) throws OrtException {
        return OnnxTensor.createTensor(env, new boolean[] {value});
    }

    /** A cache tensor of length 0 along the sequence axis, for the merged decoder's first step. */
    static OnnxTensor emptyCache(OrtEnvironment env, OnnxJavaType type, int batch, long heads, long headDim)
            throws OrtException {
        ByteBuffer empty = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
        return OnnxTensor.createTensor(env, empty, new long[] {batch, heads, 0, headDim}, type);
    }

    /** The element type and shape a session declares for one of its inputs. */
    static TensorInfo inputInfo(OrtSession session, String name) throws OrtException {
        NodeInfo info = session.getInputInfo().get(name);
        if (info == null) {
            throw new IllegalArgumentException("The graph has no input " + name + "; inputs are "
                    + session.getInputNames());
        }
        return (TensorInfo) info.getInfo();
    }

    /**
     * Rows of a {@code [batch, ...]} tensor copied into a new tensor of the same type, in the order given; used to
     * decode again only the windows that need a fallback.
     */
    static OnnxTensor selectRows(OrtEnvironment env, OnnxTensor source, int[] rows) throws OrtException {
        long[] shape = source.getInfo().getShape();
        ByteBuffer bytes = source.getByteBuffer().order(ByteOrder.nativeOrder());
        int rowBytes = bytes.capacity() / (int) shape[0];
        ByteBuffer selected = ByteBuffer.allocateDirect(rowBytes * rows.length).order(ByteOrder.nativeOrder());
        for (int row : rows) {
            ByteBuffer slice = bytes.duplicate();
            slice.position(row * rowBytes).limit((row + 1) * rowBytes);
            selected.put(slice);
        }
        selected.flip();
        long[] newShape = shape.clone();
        newShape[0] = rows.length;
        return OnnxTensor.createTensor(env, selected, newShape, source.getInfo().type);
    }
}
