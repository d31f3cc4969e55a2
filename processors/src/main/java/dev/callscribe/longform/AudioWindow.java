package dev.callscribe.longform;

/**
 * One window of long audio, as a range of sample positions: the caller slices the audio, nothing is copied here.
 * The Hugging Face pipeline tags each chunk with the same facts as {@code stride = (len, left, right)}.
 *
 * <p>The first {@code leftStrideSamples} of the window repeat the end of the previous window and the last
 * {@code rightStrideSamples} repeat the start of the next one; the merge trusts neither stride for closing
 * timestamps. The first window has no left stride and the last none on the right.
 *
 * @param index position among the windows of one audio stream, from 0
 * @param startSample first sample of the window on the stream's absolute timeline
 * @param lengthSamples samples in the window; the last window may be shorter than the chunk length
 * @param leftStrideSamples leading samples shared with the previous window (0 for the first)
 * @param rightStrideSamples trailing samples shared with the next window (0 for the last)
 * @param last whether no window follows
 */
public record AudioWindow(int index, long startSample, int lengthSamples, int leftStrideSamples,
                          int rightStrideSamples, boolean last) {

    /** Checks the positions and that the strides leave part of the window to itself. */
    public AudioWindow {
        if (index < 0 || startSample < 0) {
            throw new IllegalArgumentException("index and startSample must not be negative; got index " + index
                    + " and startSample " + startSample);
        }
        if (leftStrideSamples < 0 || rightStrideSamples < 0) {
            throw new IllegalArgumentException("strides must not be negative; got " + leftStrideSamples + " and "
                    + rightStrideSamples + " samples");
        }
        if ((long) leftStrideSamples + rightStrideSamples >= lengthSamples) {
            throw new IllegalArgumentException("a window of " + lengthSamples + " samples must be longer than its"
                    + " strides (" + leftStrideSamples + " + " + rightStrideSamples + ")");
        }
    }

    /** Whether this is the stream's first window. */
    public boolean first() {
        return index == 0;
    }

    /** The sample after the window's last, on the absolute timeline. */
    public long endSample() {
        return startSample + lengthSamples;
    }
}
