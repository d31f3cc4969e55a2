package dev.callscribe.longform;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream of samples into overlapping windows exactly as the Hugging Face pipeline's {@code chunk_iter}:
 * windows start at 0, step, 2 x step ... (step = chunk - left stride - right stride), each is
 * {@code [start, start + chunk)} clipped to the audio, and the window reaching the end of the audio is the last.
 *
 * <p>Stateless and thread-safe.
 */
public final class AudioChunker {

    private final WindowSizes sizes;

    /**
     * @param options window and stride lengths in seconds
     * @param sampleRate samples per second of the audio to cut
     */
    public AudioChunker(ChunkingOptions options, int sampleRate) {
        this.sizes = options.inSamples(sampleRate);
    }

    /** The sizes in samples this chunker cuts with. */
    public WindowSizes sizes() {
        return sizes;
    }

    /**
     * The windows covering {@code totalSamples} samples, in order.
     *
     * <p>Audio no longer than one chunk gives one window with no strides; empty audio gives no window. As in the
     * pipeline, a window is kept only if it is longer than its left stride, which the last window always is
     * because the window before it ended short of the audio's end.
     *
     * @param totalSamples length of the audio; zero or more
     * @return the windows, first to last; empty only for empty audio
     */
    public List<AudioWindow> windows(long totalSamples) {
        if (totalSamples < 0) {
            throw new IllegalArgumentException("totalSamples must not be negative; got " + totalSamples);
        }
        List<AudioWindow> windows = new ArrayList<>();
        int step = sizes.stepSamples();
        for (long start = 0; start < totalSamples; start += step) {
            long end = start + sizes.chunkSamples();
            boolean last = end >= totalSamples;
            int length = (int) (Math.min(end, totalSamples) - start);
            int left = start == 0 ? 0 : sizes.strideLeftSamples();
            int right = last ? 0 : sizes.strideRightSamples();
            if (length > left) {
                windows.add(new AudioWindow(windows.size(), start, length, left, right, last));
            }
            if (last) {
                break;
            }
        }
        return List.copyOf(windows);
    }
}
