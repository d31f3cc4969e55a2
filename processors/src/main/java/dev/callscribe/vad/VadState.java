package dev.callscribe.vad;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Everything a {@link SpeechDetector} needs to carry on with a channel, for a state store: a sample count, the
 * samples of the frame not yet complete, and the {@link GateState}. Immutable: the partial frame is copied in and
 * out. Its byte form is 32 bytes plus 4 per pending sample, and fewer samples than one frame are pending: under
 * 1 KB with 30 ms frames at 8 kHz, under 6 KB at 48 kHz.
 *
 * <p>A state is tied to the options and sample rate that produced it: resume with the same ones.
 *
 * @param samplesSeen samples of the channel fed so far
 * @param partialFrame the samples after the last complete frame (fewer than a frame)
 * @param gate the speech state machine's position
 */
public record VadState(long samplesSeen, float[] partialFrame, GateState gate) {

    private static final int HEADER_BYTES = 4 * Long.BYTES;

    /** Checks the fields and copies the partial frame. */
    public VadState {
        if (samplesSeen < 0 || partialFrame == null || gate == null || partialFrame.length > samplesSeen) {
            throw new IllegalArgumentException("need samplesSeen >= 0, a partial frame of at most samplesSeen"
                    + " samples and a gate state; got samplesSeen " + samplesSeen);
        }
        partialFrame = partialFrame.clone();
    }

    /** The state of a channel before its first sample. */
    public static VadState initial() {
        return new VadState(0, new float[0], GateState.initial());
    }

    /** A copy of the partial frame. */
    @Override
    public float[] partialFrame() {
        return partialFrame.clone();
    }

    /** The state as bytes: four big-endian longs (samples seen and the gate's three positions), then the floats. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + Float.BYTES * partialFrame.length);
        buffer.putLong(samplesSeen).putLong(gate.speechStart()).putLong(gate.lastSpeechEnd())
                .putLong(gate.previousSpanEnd());
        for (float sample : partialFrame) {
            buffer.putFloat(sample);
        }
        return buffer.array();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not a state
     */
    public static VadState fromBytes(byte[] bytes) {
        if (bytes.length < HEADER_BYTES || (bytes.length - HEADER_BYTES) % Float.BYTES != 0) {
            throw new IllegalArgumentException("a VAD state is " + HEADER_BYTES + " bytes plus 4 per pending"
                    + " sample; got " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long samplesSeen = buffer.getLong();
        GateState gate = new GateState(buffer.getLong(), buffer.getLong(), buffer.getLong());
        float[] partial = new float[buffer.remaining() / Float.BYTES];
        for (int i = 0; i < partial.length; i++) {
            partial[i] = buffer.getFloat();
        }
        return new VadState(samplesSeen, partial, gate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VadState state && samplesSeen == state.samplesSeen
                && Arrays.equals(partialFrame, state.partialFrame) && gate.equals(state.gate);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(samplesSeen) + Arrays.hashCode(partialFrame)) + gate.hashCode();
    }

    @Override
    public String toString() {
        return "VadState[samplesSeen=" + samplesSeen + ", partialFrame=" + partialFrame.length + " samples, gate="
                + gate + "]";
    }
}
