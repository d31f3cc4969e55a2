package dev.callscribe.windowing;

import java.nio.ByteBuffer;

/**
 * Everything a {@link WindowCutter} needs to carry on with a channel, for a state store: a handful of numbers, no
 * spans, no audio. One record per mode; {@link #toBytes()} and {@link #fromBytes(byte[])} give a compact byte form
 * (under 50 bytes) whose first byte names the mode.
 *
 * <p>A state is tied to the options and sample rate that produced it: resume with the same ones.
 */
public sealed interface WindowingState permits UtteranceState, ChunkState {

    /** The mode this state belongs to. */
    WindowMode mode();

    /** Index the channel's next window will get. */
    int nextIndex();

    /** Samples of the channel seen so far. */
    long samplesSeen();

    /** The state as bytes: the mode's ordinal, then the fields in declaration order, big-endian. */
    byte[] toBytes();

    /** The state of a channel before its first sample. */
    static WindowingState initial(WindowMode mode) {
        return mode == WindowMode.UTTERANCE ? UtteranceState.initial() : ChunkState.initial();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not a state
     */
    static WindowingState fromBytes(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] < 0 || bytes[0] >= WindowMode.values().length) {
            throw new IllegalArgumentException("a windowing state starts with a mode byte in [0, "
                    + WindowMode.values().length + "); got " + (bytes.length == 0 ? "no bytes" : bytes[0]));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        WindowMode mode = WindowMode.values()[bytes[0]];
        int expected = mode == WindowMode.UTTERANCE ? UtteranceState.BYTES : ChunkState.BYTES;
        if (bytes.length != expected) {
            throw new IllegalArgumentException("a " + mode + " windowing state is " + expected + " bytes; got "
                    + bytes.length);
        }
        return mode == WindowMode.UTTERANCE ? UtteranceState.read(buffer) : ChunkState.read(buffer);
    }
}
