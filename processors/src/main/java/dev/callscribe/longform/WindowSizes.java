package dev.callscribe.longform;

/**
 * {@link ChunkingOptions} in whole samples at one sample rate.
 *
 * @param chunkSamples window length in samples
 * @param strideLeftSamples samples shared with the previous window
 * @param strideRightSamples samples shared with the next window
 */
public record WindowSizes(int chunkSamples, int strideLeftSamples, int strideRightSamples) {

    /** Checks that the sizes leave a positive step between windows. */
    public WindowSizes {
        if (strideLeftSamples < 0 || strideRightSamples < 0) {
            throw new IllegalArgumentException("strides must not be negative; got " + strideLeftSamples + " and "
                    + strideRightSamples + " samples");
        }
        if ((long) strideLeftSamples + strideRightSamples >= chunkSamples) {
            throw new IllegalArgumentException("strides (" + strideLeftSamples + " + " + strideRightSamples
                    + " samples) must be shorter than the chunk (" + chunkSamples + " samples), or windows would"
                    + " not advance; use a longer chunk or a higher sample rate");
        }
    }

    /** Samples between the starts of consecutive windows: chunk minus both strides. */
    public int stepSamples() {
        return chunkSamples - strideLeftSamples - strideRightSamples;
    }
}
