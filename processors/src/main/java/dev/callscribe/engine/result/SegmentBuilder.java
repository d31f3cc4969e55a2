package dev.callscribe.engine.result;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a window's tokens into segments at timestamp tokens, as openai/whisper's transcribe does: a timestamp opens
 * a segment, the next timestamp after some text closes it, and two timestamps in a row close one segment and open
 * the next. Text after the last timestamp ends at the window's audio end; without any timestamp the whole text is one
 * segment over the window.
 */
public final class SegmentBuilder {

    private final int timestampBegin;
    private final double secondsPerTimestamp;
    private final Function<List<Integer>, String> decode;

    /**
     * @param timestampBegin the id of {@code <|0.00|>}; larger ids are later timestamps
     * @param secondsPerTimestamp seconds per timestamp step (0.02 for Whisper)
     * @param decode turns text token ids into text
     */
    public SegmentBuilder(int timestampBegin, double secondsPerTimestamp, Function<List<Integer>, String> decode) {
        this.timestampBegin = timestampBegin;
        this.secondsPerTimestamp = secondsPerTimestamp;
        this.decode = decode;
    }

    /**
     * The segments of one window's tokens.
     *
     * @param tokens chosen tokens, timestamps included, no prompt and no end-of-text
     * @param audioSeconds length of the window's real audio (before padding), where an unclosed segment ends
     */
    public List<Segment> segments(List<Integer> tokens, double audioSeconds) {
        List<Segment> segments = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        double start = Double.NaN;
        for (int token : tokens) {
            if (token < timestampBegin) {
                text.add(token);
                continue;
            }
            double time = (token - timestampBegin) * secondsPerTimestamp;
            if (!text.isEmpty()) {
                segments.add(segment(Double.isNaN(start) ? 0 : start, time, text));
                text.clear();
            }
            start = time;
        }
        if (!text.isEmpty()) {
            double from = Double.isNaN(start) ? 0 : start;
            segments.add(segment(from, Math.max(from, audioSeconds), text));
        }
        return segments;
    }

    private Segment segment(double start, double end, List<Integer> text) {
        return new Segment(start, Math.max(start, end), decode.apply(text), text);
    }
}
