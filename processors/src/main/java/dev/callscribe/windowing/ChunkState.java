package dev.callscribe.windowing;

import java.nio.ByteBuffer;

/**
 * Where a chunked-mode {@link WindowCutter} stands: the next window's index and running speech counts at three
 * positions (45 bytes as {@link #toBytes()}). Speech inside a window is the difference of the running count at its
 * end and at its start; the count is kept at the next window's start too, because consecutive windows overlap.
 *
 * @param nextIndex index of the next window to emit
 * @param samplesSeen samples of the channel seen so far
 * @param frontier speech before this position has been counted
 * @param speechBeforeFrontier speech samples before {@code frontier}
 * @param speechBeforeStart speech samples before the next window's start
 * @param speechBeforeNextStart speech samples before the start of the window after it, once the frontier has
 *                              passed that start
 */
public record ChunkState(int nextIndex, long samplesSeen, long frontier, long speechBeforeFrontier,
                         long speechBeforeStart, long speechBeforeNextStart) implements WindowingState {

    static final int BYTES = 1 + Integer.BYTES + 5 * Long.BYTES;

    /** Checks that nothing is negative. */
    public ChunkState {
        if (nextIndex < 0 || samplesSeen < 0 || frontier < 0 || frontier > samplesSeen || speechBeforeFrontier < 0
                || speechBeforeStart < 0 || speechBeforeNextStart < 0) {
            throw new IllegalArgumentException("counts and positions must not be negative, nor the frontier"
                    + " beyond the samples seen; got " + nextIndex + ", "
                    + samplesSeen + ", " + frontier + ", " + speechBeforeFrontier);
        }
    }

    /** The state of a channel before its first sample. */
    public static ChunkState initial() {
        return new ChunkState(0, 0, 0, 0, 0, 0);
    }

    @Override
    public WindowMode mode() {
        return WindowMode.CHUNKED;
    }

    @Override
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).put((byte) mode().ordinal()).putInt(nextIndex).putLong(samplesSeen)
                .putLong(frontier).putLong(speechBeforeFrontier).putLong(speechBeforeStart)
                .putLong(speechBeforeNextStart).array();
    }

    static ChunkState read(ByteBuffer buffer) {
        return new ChunkState(buffer.getInt(), buffer.getLong(), buffer.getLong(), buffer.getLong(),
                buffer.getLong(), buffer.getLong());
    }
}
