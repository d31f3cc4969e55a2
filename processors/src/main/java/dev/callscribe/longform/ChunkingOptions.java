package dev.callscribe.longform;

/**
 * How long audio is cut into overlapping windows, in seconds, as the Hugging Face pipeline's
 * {@code chunk_length_s} and {@code stride_length_s} (left, right).
 *
 * <p>Each window is {@code chunkLengthS} long; its first {@code strideLeftS} and last {@code strideRightS} seconds
 * are context shared with the neighbouring windows, so consecutive windows start {@code chunk - left - right}
 * seconds apart. Distil-Whisper's recommended chunk lengths are 25 s (distil-large-v3) and 15 s (the others).
 *
 * @param chunkLengthS window length in seconds; positive
 * @param strideLeftS context shared with the previous window, in seconds; zero or more
 * @param strideRightS context shared with the next window, in seconds; zero or more
 */
public record ChunkingOptions(double chunkLengthS, double strideLeftS, double strideRightS) {

    /** The pipeline's default stride on each side is the chunk length divided by this. */
    private static final int DEFAULT_STRIDE_DIVISOR = 6;

    /** Checks each length and that the strides leave a positive step between windows. */
    public ChunkingOptions {
        if (!(chunkLengthS > 0) || Double.isInfinite(chunkLengthS)) {
            throw new IllegalArgumentException("chunkLengthS must be a positive number of seconds; got "
                    + chunkLengthS);
        }
        requireStride("strideLeftS", strideLeftS);
        requireStride("strideRightS", strideRightS);
        if (strideLeftS + strideRightS >= chunkLengthS) {
            throw new IllegalArgumentException("strideLeftS + strideRightS must be shorter than chunkLengthS ("
                    + chunkLengthS + " s), or windows would not advance; got " + strideLeftS + " + "
                    + strideRightS);
        }
    }

    /**
     * The Hugging Face pipeline's defaults for a chunk length: a stride of {@code chunkLengthS / 6} on each side
     * (25 s gives 4.1667 s strides and windows 16.667 s apart).
     */
    public static ChunkingOptions defaults(double chunkLengthS) {
        // Computed as the pipeline does (chunk_length_s / 6), so the rounded sample counts match it exactly.
        double stride = chunkLengthS / DEFAULT_STRIDE_DIVISOR;
        return new ChunkingOptions(chunkLengthS, stride, stride);
    }

    /** A copy with other strides, in seconds. */
    public ChunkingOptions withStrides(double leftS, double rightS) {
        return new ChunkingOptions(chunkLengthS, leftS, rightS);
    }

    /**
     * The lengths in whole samples at {@code sampleRate}, each rounded as the pipeline rounds them
     * ({@code round(seconds * sampleRate)}, Python's round half to even).
     *
     * @throws IllegalArgumentException when the rate is not positive, or rounding leaves no step between windows
     */
    public WindowSizes inSamples(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive; got " + sampleRate);
        }
        return new WindowSizes(samples(chunkLengthS, sampleRate), samples(strideLeftS, sampleRate),
                samples(strideRightS, sampleRate));
    }

    private static int samples(double seconds, int sampleRate) {
        // Math.rint rounds half to even, like Python 3's round().
        double rounded = Math.rint(seconds * sampleRate);
        if (rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(seconds + " s at " + sampleRate + " Hz exceeds an int of samples");
        }
        return (int) rounded;
    }

    private static void requireStride(String name, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(name + " must be zero or a positive number of seconds; got "
                    + seconds);
        }
    }
}
