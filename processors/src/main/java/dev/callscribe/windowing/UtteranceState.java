package dev.callscribe.windowing;

import java.nio.ByteBuffer;

/**
 * Where an utterance-mode {@link WindowCutter} stands: the window being packed, as positions and counts
 * (49 bytes as {@link #toBytes()}).
 *
 * @param nextIndex index the next emitted window gets
 * @param samplesSeen samples of the channel seen so far
 * @param assignedUntil speech before this position belongs to an emitted or the pending window
 * @param windowStart first sample of the pending window, or {@link #NONE}
 * @param windowContentEnd end of the last closed span packed into the pending window ({@code windowStart} while it
 *                         holds none yet)
 * @param windowSpeechSamples speech samples of the closed spans packed into the pending window
 * @param windowLeftOverlap the pending window's left stride: non-zero when it continues a split window
 */
public record UtteranceState(int nextIndex, long samplesSeen, long assignedUntil, long windowStart,
                             long windowContentEnd, long windowSpeechSamples, int windowLeftOverlap)
        implements WindowingState {

    /** {@link #windowStart} when no window is pending. */
    public static final long NONE = -1;

    static final int BYTES = 1 + 2 * Integer.BYTES + 5 * Long.BYTES;

    /** Checks that the positions are consistent. */
    public UtteranceState {
        if (nextIndex < 0 || samplesSeen < 0 || assignedUntil < 0 || windowStart < NONE
                || windowSpeechSamples < 0 || windowLeftOverlap < 0) {
            throw new IllegalArgumentException("counts and positions must not be negative: " + nextIndex + ", "
                    + samplesSeen + ", " + assignedUntil + ", " + windowStart + ", " + windowSpeechSamples + ", "
                    + windowLeftOverlap);
        }
        if (windowStart != NONE && windowContentEnd < windowStart) {
            throw new IllegalArgumentException("windowContentEnd (" + windowContentEnd
                    + ") must not precede windowStart (" + windowStart + ")");
        }
    }

    /** The state of a channel before its first sample. */
    public static UtteranceState initial() {
        return new UtteranceState(0, 0, 0, NONE, 0, 0, 0);
    }

    @Override
    public WindowMode mode() {
        return WindowMode.UTTERANCE;
    }

    @Override
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).put((byte) mode().ordinal()).putInt(nextIndex).putLong(samplesSeen)
                .putLong(assignedUntil).putLong(windowStart).putLong(windowContentEnd).putLong(windowSpeechSamples)
                .putInt(windowLeftOverlap).array();
    }

    static UtteranceState read(ByteBuffer buffer) {
        return new UtteranceState(buffer.getInt(), buffer.getLong(), buffer.getLong(), buffer.getLong(),
                buffer.getLong(), buffer.getLong(), buffer.getInt());
    }
}
