package dev.callscribe.audio;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Converts one stream of samples (one call, one channel) to 16 kHz, chunk by chunk, with a band-limited polyphase
 * windowed-sinc filter (Kaiser window, cut-off at 95% of the lower Nyquist frequency, about 90 dB stop band).
 *
 * <p><b>Timing.</b> Output sample {@code n} corresponds exactly to input time {@code n / 16000} s: the filter is
 * centred, so there is no delay to compensate. To centre it the resampler withholds each output until
 * {@link #lookaheadInputSamples()} later input samples have arrived (64 samples at the lower rate: 8 ms at 8 kHz,
 * 4 ms at 48 kHz input, 0 at 16 kHz). {@link #flush()} ends the stream: it treats the missing future as silence and
 * emits the rest, so the whole stream yields {@code ceil(inputLength * 16000 / inputRate)} samples. Samples before
 * the stream start are taken as silence too.
 *
 * <p><b>Chunking.</b> Every output sample is computed by the same arithmetic over the same input samples, however
 * the input was split, so chunked and whole input give bit-identical output.
 *
 * <p><b>Memory.</b> Filter coefficients are shared by all resamplers of one rate; each instance keeps only a small
 * history buffer, grown to the largest chunk seen. The array-filling {@link #process(float[], int, int, float[], int)}
 * allocates nothing in steady state. Not thread-safe: one instance per stream, used by one thread at a time.
 */
public final class StreamingResampler {

    /** The output rate: Whisper's. */
    public static final int OUTPUT_RATE_HZ = 16_000;

    private static final int[] SUPPORTED_INPUT_RATES_HZ = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000};

    private final int inputRateHz;
    private final PolyphaseFilter filter;
    /** Input samples from absolute index {@code historyStart} on; negative indices are the silent past. */
    private float[] history;
    private long historyStart;
    private int historyLength;
    private long inputCount;
    private long outputCount;
    private boolean flushed;

    private StreamingResampler(int inputRateHz) {
        this.inputRateHz = inputRateHz;
        this.filter = PolyphaseFilter.forRates(inputRateHz, OUTPUT_RATE_HZ);
        this.history = new float[4 * (filter.tapsBefore() + filter.lookahead())];
        reset();
    }

    /** The input rates this resampler takes to 16 kHz, in increasing order. */
    public static SortedSet<Integer> supportedInputRates() {
        SortedSet<Integer> rates = new TreeSet<>();
        for (int rate : SUPPORTED_INPUT_RATES_HZ) {
            rates.add(rate);
        }
        return Collections.unmodifiableSortedSet(rates);
    }

    /**
     * A resampler from {@code inputRateHz} to 16 kHz.
     *
     * @throws IllegalArgumentException unless the rate is 8000, 11025, 16000, 22050, 32000, 44100 or 48000 Hz
     */
    public static StreamingResampler to16kHz(int inputRateHz) {
        if (Arrays.stream(SUPPORTED_INPUT_RATES_HZ).noneMatch(rate -> rate == inputRateHz)) {
            throw new IllegalArgumentException("unsupported input sample rate " + inputRateHz + " Hz; expected one of "
                    + Arrays.toString(SUPPORTED_INPUT_RATES_HZ));
        }
        return new StreamingResampler(inputRateHz);
    }

    /** Resamples a whole signal at once: {@code process} then {@code flush}. */
    public static float[] resampleTo16kHz(float[] samples, int inputRateHz) {
        StreamingResampler resampler = to16kHz(inputRateHz);
        float[] body = resampler.process(samples);
        float[] tail = resampler.flush();
        float[] all = Arrays.copyOf(body, body.length + tail.length);
        System.arraycopy(tail, 0, all, body.length, tail.length);
        return all;
    }

    /** The rate this resampler expects, in Hz. */
    public int inputRateHz() {
        return inputRateHz;
    }

    /** How many later input samples an output waits for before it is emitted (the streaming latency). */
    public int lookaheadInputSamples() {
        return filter.lookahead();
    }

    /** The most samples the next {@code process} of {@code inputLength} samples (or {@code flush}, with 0) emits. */
    public int maxOutputLength(int inputLength) {
        long up = filter.upFactor();
        long possible = Math.floorDiv((inputCount + inputLength) * up + filter.downFactor() - 1, filter.downFactor());
        return (int) (possible - outputCount);
    }

    /** Feeds a chunk and returns the output samples it completes (possibly none), in a new array. */
    public float[] process(float[] chunk) {
        float[] output = new float[maxOutputLength(chunk.length)];
        int written = process(chunk, 0, chunk.length, output, 0);
        return written == output.length ? output : Arrays.copyOf(output, written);
    }

    /**
     * Feeds {@code length} samples of {@code input} from {@code offset} and writes the output samples they complete
     * into {@code output} from {@code outputOffset}.
     *
     * @param output must have room for {@link #maxOutputLength(int) maxOutputLength(length)} samples
     * @return the number of samples written
     * @throws IllegalStateException after {@link #flush()}, until {@link #reset()}
     * @throws IllegalArgumentException if {@code output} has too little room
     */
    public int process(float[] input, int offset, int length, float[] output, int outputOffset) {
        requireOpen();
        requireRoom(output, outputOffset, maxOutputLength(length));
        append(input, offset, length);
        inputCount += length;
        return emit(Long.MAX_VALUE, output, outputOffset);
    }

    /**
     * Ends the stream and returns the last output samples, computed as if silence followed the input.
     *
     * @throws IllegalStateException if already flushed
     */
    public float[] flush() {
        float[] output = new float[maxOutputLength(0)];
        flush(output, 0);
        return output;
    }

    /**
     * Ends the stream, writing the last output samples into {@code output} from {@code outputOffset}.
     *
     * @return the number of samples written, {@link #maxOutputLength(int) maxOutputLength(0)}
     */
    public int flush(float[] output, int outputOffset) {
        requireOpen();
        int remaining = maxOutputLength(0);
        requireRoom(output, outputOffset, remaining);
        appendSilence(filter.lookahead());
        flushed = true;
        return emit(outputCount + remaining, output, outputOffset);
    }

    /** Forgets the stream, so this instance can start a new one (keeping its buffer and filter). */
    public void reset() {
        // The silent past: the first output's taps reach back before input index 0.
        historyLength = filter.tapsBefore() - 1;
        historyStart = -historyLength;
        Arrays.fill(history, 0, historyLength, 0.0f);
        inputCount = 0;
        outputCount = 0;
        flushed = false;
    }

    private int emit(long outputLimit, float[] output, int outputOffset) {
        long available = historyStart + historyLength;
        int written = 0;
        while (outputCount < outputLimit) {
            long position = outputCount * filter.downFactor();
            long centre = position / filter.upFactor();
            if (centre + filter.lookahead() >= available) {
                break;
            }
            int phase = (int) (position - centre * filter.upFactor());
            int first = (int) (centre - filter.tapsBefore() + 1 - historyStart);
            output[outputOffset + written++] = (float) filter.apply(phase, history, first);
            outputCount++;
        }
        discardConsumedHistory();
        return written;
    }

    /** Drops the samples no later output needs, keeping the buffer small. */
    private void discardConsumedHistory() {
        long nextCentre = outputCount * filter.downFactor() / filter.upFactor();
        long firstNeeded = nextCentre - filter.tapsBefore() + 1;
        int drop = (int) Math.min(historyLength, Math.max(0, firstNeeded - historyStart));
        if (drop > 0) {
            System.arraycopy(history, drop, history, 0, historyLength - drop);
            historyLength -= drop;
            historyStart += drop;
        }
    }

    private void append(float[] input, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(input, offset, history, historyLength, length);
        historyLength += length;
    }

    private void appendSilence(int length) {
        ensureRoom(length);
        Arrays.fill(history, historyLength, historyLength + length, 0.0f);
        historyLength += length;
    }

    private void ensureRoom(int length) {
        if (historyLength + length > history.length) {
            history = Arrays.copyOf(history, Math.max(2 * history.length, historyLength + length));
        }
    }

    private void requireOpen() {
        if (flushed) {
            throw new IllegalStateException("stream already flushed; call reset() to start a new one");
        }
    }

    private static void requireRoom(float[] output, int outputOffset, int needed) {
        if (outputOffset < 0 || output.length - outputOffset < needed) {
            throw new IllegalArgumentException("output has room for " + (output.length - outputOffset)
                    + " samples from offset " + outputOffset + "; expected at least " + needed);
        }
    }
}
