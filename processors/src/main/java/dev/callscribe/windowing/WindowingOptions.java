package dev.callscribe.windowing;

import dev.callscribe.longform.ChunkingOptions;

/**
 * How {@link WindowCutter} cuts a channel into inference windows. Immutable; change one field with the
 * {@code withX} copies. Durations are stream time (see the package documentation).
 *
 * @param mode {@link WindowMode#UTTERANCE} (live calls) or {@link WindowMode#CHUNKED} (recordings); default
 *             utterance
 * @param maxWindowMs longest window, the model's input; default 30000 (the Whisper encoder's fixed 30 s: a window
 *                    is padded to it anyway, so shorter maxima only add encoder passes)
 * @param latencyBudgetMs utterance mode: how long, counted from a window's first speech, the window waits for more
 *                        speech of the same channel before it is emitted (it is emitted once the budget has passed
 *                        and the channel is silent); default 3000. Every window costs a full 30 s encoder pass, so
 *                        packing pays; 3 s joins the phrases of one turn split by pauses (usually under 2 s) while
 *                        a turn's first words still reach the model within about 3 s, or at the turn's end plus
 *                        the VAD hangover for longer turns. A longer budget raises the fill ratio and the latency
 *                        together.
 * @param splitOverlapMs utterance mode: samples shared by consecutive windows when speech longer than
 *                       {@code maxWindowMs} is split, half a stride on each side as the Hugging Face pipeline's
 *                       chunks overlap; default 5000 (2.5 s strides, as the chunked defaults: about a dozen words
 *                       of context for the longest-common-sequence merge); positive, less than {@code maxWindowMs}
 * @param minSpeechMs a window with less speech than this is not worth an encoder pass: in utterance mode it is
 *                    skipped (unless it continues a split window), in chunked mode it is marked speechless;
 *                    default 250 (the VAD's minimum speech, so every span the VAD keeps is transcribed)
 * @param chunking chunked mode: window length and strides in seconds, exactly as {@code callscribe transcribe}
 *                 cuts recordings; default {@link ChunkingOptions#defaults(double) ChunkingOptions.defaults(15)}
 *                 (15 s windows, 2.5 s strides, 10 s apart: the Distil-Whisper recipe). Its window must fit
 *                 {@code maxWindowMs}, and its strides together may take at most half of it, so a sample lies in
 *                 at most two windows
 */
public record WindowingOptions(WindowMode mode, int maxWindowMs, int latencyBudgetMs, int splitOverlapMs,
                               int minSpeechMs, ChunkingOptions chunking) {

    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final double DEFAULT_CHUNK_S = 15.0;

    /** Checks each field, then the rules between fields. */
    public WindowingOptions {
        if (mode == null || chunking == null) {
            throw new IllegalArgumentException("mode and chunking are required");
        }
        if (maxWindowMs <= 0 || latencyBudgetMs < 0 || minSpeechMs < 0) {
            throw new IllegalArgumentException("maxWindowMs must be positive and latencyBudgetMs and minSpeechMs"
                    + " zero or more; got " + maxWindowMs + ", " + latencyBudgetMs + " and " + minSpeechMs);
        }
        if (splitOverlapMs <= 0 || splitOverlapMs >= maxWindowMs) {
            throw new IllegalArgumentException("splitOverlapMs must be in (0, maxWindowMs = " + maxWindowMs
                    + "): without overlap a split cuts a word with no shared audio for the merge, and with"
                    + " overlap of a whole window splits would not advance; got " + splitOverlapMs);
        }
        if (chunking.chunkLengthS() * MILLIS_PER_SECOND > maxWindowMs) {
            throw new IllegalArgumentException("chunking.chunkLengthS (" + chunking.chunkLengthS()
                    + " s) must fit maxWindowMs (" + maxWindowMs + " ms)");
        }
        if (2 * (chunking.strideLeftS() + chunking.strideRightS()) > chunking.chunkLengthS()) {
            throw new IllegalArgumentException("chunking strides (" + chunking.strideLeftS() + " + "
                    + chunking.strideRightS() + " s) must take at most half of the " + chunking.chunkLengthS()
                    + " s chunk, so that no sample lies in more than two windows");
        }
    }

    /** The documented defaults: utterance mode. */
    public static WindowingOptions defaults() {
        return new WindowingOptions(WindowMode.UTTERANCE, 30_000, 3_000, 5_000, 250,
                ChunkingOptions.defaults(DEFAULT_CHUNK_S));
    }

    /** A copy in another mode. */
    public WindowingOptions withMode(WindowMode newMode) {
        return new WindowingOptions(newMode, maxWindowMs, latencyBudgetMs, splitOverlapMs, minSpeechMs, chunking);
    }

    /** A copy with another maximum window and split overlap. */
    public WindowingOptions withMaxWindow(int newMaxWindowMs, int newSplitOverlapMs) {
        return new WindowingOptions(mode, newMaxWindowMs, latencyBudgetMs, newSplitOverlapMs, minSpeechMs,
                chunking);
    }

    /** A copy with another latency budget. */
    public WindowingOptions withLatencyBudgetMs(int millis) {
        return new WindowingOptions(mode, maxWindowMs, millis, splitOverlapMs, minSpeechMs, chunking);
    }

    /** A copy with another minimum speech per window. */
    public WindowingOptions withMinSpeechMs(int millis) {
        return new WindowingOptions(mode, maxWindowMs, latencyBudgetMs, splitOverlapMs, millis, chunking);
    }

    /** A copy with other chunked-mode windows. */
    public WindowingOptions withChunking(ChunkingOptions newChunking) {
        return new WindowingOptions(mode, maxWindowMs, latencyBudgetMs, splitOverlapMs, minSpeechMs, newChunking);
    }
}
