package dev.callscribe.schemas;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.WindowTranscript;
import java.util.List;

/**
 * Every topic of the pipeline, in flow order, with its default name and value type: the one place topic names are
 * written. Every topic is keyed by call id, so all records of a call share a partition.
 */
public final class Topics {

    /** Call audio from producers: one {@link AudioChunk} per record. */
    public static final Topic<AudioChunk> AUDIO = new Topic<>("calls.audio", AudioChunk.class);
    /** Inference windows cut by the segmenter, consumed by transcribers. */
    public static final Topic<AudioWindow> WINDOWS = new Topic<>("calls.windows", AudioWindow.class);
    /** One transcript per window, from the transcribers to the stitcher. */
    public static final Topic<WindowTranscript> WINDOW_TRANSCRIPTS =
            new Topic<>("calls.window-transcripts", WindowTranscript.class);
    /** Interim and final call transcripts: the product. */
    public static final Topic<Transcript> TRANSCRIPTS = new Topic<>("calls.transcripts", Transcript.class);
    /** Latency per window and per call. */
    public static final Topic<LatencyMetric> METRICS = new Topic<>("calls.metrics", LatencyMetric.class);
    /** Everything rejected, with the reason and the original bytes. */
    public static final Topic<DeadLetter> DEAD_LETTER = new Topic<>("calls.dead-letter", DeadLetter.class);

    /** All of them, in flow order. */
    public static final List<Topic<?>> ALL = List.of(AUDIO, WINDOWS, WINDOW_TRANSCRIPTS, TRANSCRIPTS, METRICS,
            DEAD_LETTER);

    private Topics() {
    }
}
