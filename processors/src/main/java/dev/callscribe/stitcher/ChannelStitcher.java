package dev.callscribe.stitcher;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.longform.ChunkMerger;
import dev.callscribe.longform.MergeState;
import dev.callscribe.longform.MergeStep;
import dev.callscribe.longform.TranscriptSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stitches one channel's next window into its transcript: the long-form merge of the engine issue, then an INTERIM
 * revision (settled segments plus the open one), or the FINAL when the window is the channel's last. Pure: state in,
 * state and records out; the processor does the Kafka parts.
 */
final class ChannelStitcher {

    /**
     * What stitching one window produced.
     *
     * @param progress the channel's state after the window
     * @param transcript the revision to publish
     * @param metric the window's latency metric
     */
    record Outcome(ChannelProgress progress, Transcript transcript, LatencyMetric metric) {
    }

    private ChannelStitcher() {
    }

    /**
     * @param progress the channel's state; the window must be the one it waits for
     * @param window the next window's transcript
     * @param nowMs wall-clock time of emission
     */
    static Outcome stitch(ChannelProgress progress, WindowTranscript window, long nowMs) {
        Map<Integer, String> vocabulary = WindowTokensMapper.learn(progress.tokenBytes(), window);
        ChunkMerger merger = new ChunkMerger(WindowTokensMapper.VOCABULARY, WindowTokensMapper.SAMPLE_RATE,
                new TokenBytesText(vocabulary));
        MergeStep step = merge(merger, progress.merge(), window);
        boolean last = window.getLast();
        List<StitchedSegment> settled = new ArrayList<>(progress.segments());
        settled.addAll(stitched(step.settled(), window));
        if (last) {
            settled.addAll(stitched(merger.finish(step.state()), window));
        }
        List<StitchedSegment> shown = new ArrayList<>(settled);
        if (!last) {
            step.interim().ifPresent(open -> shown.add(stitched(open, window)));
        }
        ChannelTotals totals = Totals.add(progress.totals(), window);
        ChannelProgress next = new ChannelProgress(window.getWindowIndex() + 1, progress.revision() + 1,
                step.state(), settled, vocabulary, totals, last, 0);
        Transcript transcript = Transcripts.ofChannel(window, last ? TranscriptKind.FINAL : TranscriptKind.INTERIM,
                progress.revision(), shown, totals, nowMs);
        return new Outcome(next, transcript, Metrics.ofWindow(window, nowMs));
    }

    /**
     * A window without audio (durationMs 0) only marks the end of its channel: the segmenter sends one when a call
     * ends after the channel's last utterance went out. It has nothing to merge, so the state stays as it is.
     */
    private static MergeStep merge(ChunkMerger merger, MergeState state, WindowTranscript window) {
        if (window.getDurationMs() == 0) {
            return new MergeStep(state, List.of(), merger.interim(state));
        }
        return merger.accept(state, WindowTokensMapper.windowTokens(window));
    }

    private static List<StitchedSegment> stitched(List<TranscriptSegment> segments, WindowTranscript window) {
        return segments.stream().map(segment -> stitched(segment, window)).toList();
    }

    private static StitchedSegment stitched(TranscriptSegment segment, WindowTranscript window) {
        return new StitchedSegment(segment.startMs(), segment.endMs(), segment.text(), window.getAvgLogProb(),
                window.getNoSpeechProb());
    }
}
