package dev.callscribe.windowing;

import dev.callscribe.longform.AudioWindow;

/**
 * One window to send to the transcriber, as a range of a channel's samples: the segmenter slices its stored audio
 * by these positions (nothing is copied here). Positions are samples at the channel's source rate from its first
 * sample.
 *
 * <p>A plan with {@link #speechless()} set carries no audio: the segmenter sends an empty marker in its place, so
 * silence never reaches the model while window indices stay consecutive for the stitcher. The end-of-stream marker
 * of a channel with nothing left to send is such a plan with no samples at all ({@link #isEmptyMarker()}).
 *
 * @param index position among the channel's windows, from 0, consecutive
 * @param startSample first sample of the window
 * @param endSample the sample after the window's last; equal to {@code startSample} only for an empty marker
 * @param leftOverlapSamples leading samples shared with the previous window, as the long-form merge's left stride
 *                           (0 unless the window continues a split or chunked window)
 * @param rightOverlapSamples trailing samples shared with the next window, as the merge's right stride (0 unless
 *                            the next window continues this one)
 * @param speechSamples samples of the window inside speech spans; with the length, the fill ratio
 * @param speechless whether the window holds too little speech to be worth transcribing (chunked mode) or nothing
 *                   at all (an empty marker)
 * @param last whether this is the channel's final window: no window follows
 */
public record WindowPlan(int index, long startSample, long endSample, int leftOverlapSamples,
                         int rightOverlapSamples, long speechSamples, boolean speechless, boolean last) {

    /** Checks positions, strides and the speech count. */
    public WindowPlan {
        if (index < 0 || startSample < 0 || endSample < startSample) {
            throw new IllegalArgumentException("need index >= 0 and 0 <= startSample <= endSample; got index "
                    + index + " and [" + startSample + ", " + endSample + ")");
        }
        if (leftOverlapSamples < 0 || rightOverlapSamples < 0
                || (long) leftOverlapSamples + rightOverlapSamples > endSample - startSample) {
            throw new IllegalArgumentException("overlaps " + leftOverlapSamples + " + " + rightOverlapSamples
                    + " must be zero or more and fit the window of " + (endSample - startSample) + " samples");
        }
        if (speechSamples < 0 || speechSamples > endSample - startSample) {
            throw new IllegalArgumentException("speechSamples must be within the window's " + (endSample
                    - startSample) + " samples; got " + speechSamples);
        }
    }

    /** An end-of-stream plan with no audio, placed at {@code position}. */
    static WindowPlan emptyMarker(int index, long position) {
        return new WindowPlan(index, position, position, 0, 0, 0, true, true);
    }

    /** Whether this is the channel's first window. */
    public boolean first() {
        return index == 0;
    }

    /** Samples in the window, silence between spans included. */
    public long lengthSamples() {
        return endSample - startSample;
    }

    /** Samples of the window outside speech spans. */
    public long silenceSamples() {
        return lengthSamples() - speechSamples;
    }

    /** Speech samples per window sample, in [0, 1]; 0 for an empty marker. */
    public double fillRatio() {
        return lengthSamples() == 0 ? 0.0 : speechSamples / (double) lengthSamples();
    }

    /** Whether the plan has no samples: the marker of a channel's end with nothing left to transcribe. */
    public boolean isEmptyMarker() {
        return lengthSamples() == 0;
    }

    /**
     * The window as the long-form merge sees it.
     *
     * @throws IllegalStateException for an empty marker, which has no audio to merge
     */
    public AudioWindow toAudioWindow() {
        if (isEmptyMarker()) {
            throw new IllegalStateException("window " + index + " is an empty marker; it has no audio window");
        }
        return new AudioWindow(index, startSample, Math.toIntExact(lengthSamples()), leftOverlapSamples,
                rightOverlapSamples, last);
    }
}
