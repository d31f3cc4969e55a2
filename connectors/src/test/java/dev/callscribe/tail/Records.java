package dev.callscribe.tail;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import java.time.Instant;
import java.util.List;

/** Transcript and metric records as the stitcher writes them, for the view and follower tests. */
final class Records {

    static final Instant EMITTED_AT = Instant.parse("2025-03-01T09:30:15.250Z");
    static final String MODEL = "distil-whisper/distil-small.en";

    private Records() {
    }

    static TranscriptSegment segment(long startMs, long endMs, String text) {
        return TranscriptSegment.newBuilder().setStartMs(startMs).setEndMs(endMs).setText(text)
                .setAvgLogProb(-0.25).setNoSpeechProb(0.01).build();
    }

    static TranscriptSegment spoken(long startMs, long endMs, String text, int channel, String speaker) {
        TranscriptSegment segment = segment(startMs, endMs, text);
        segment.setChannel(channel);
        segment.setSpeaker(speaker);
        return segment;
    }

    /** A channel's revision: INTERIM or FINAL. */
    static Transcript channel(String callId, TranscriptKind kind, int revision, int channel, String speaker,
                              List<TranscriptSegment> segments) {
        return transcript(callId, kind, revision, channel, speaker, segments);
    }

    /** The combined FINAL of a call. */
    static Transcript combined(String callId, List<TranscriptSegment> segments) {
        return transcript(callId, TranscriptKind.FINAL, 0, null, null, segments);
    }

    static LatencyMetric callMetric(String callId) {
        return metric(callId, MetricScope.CALL).setWindowCount(6).setAudioMs(90_400).setSpeechMs(18_400)
                .setRealTimeFactor(0.031).setEndToEndMs(850).build();
    }

    static LatencyMetric windowMetric(String callId) {
        return metric(callId, MetricScope.WINDOW).setChannel(0).setWindowIndex(3L).setBatchSize(4)
                .setQueueWaitMs(12L).setFeatureMs(1.5).setEncoderMs(20.25).setDecoderMs(30.0).setDecodeSteps(17)
                .setAudioMs(15_000).setSpeechMs(9_000).setRealTimeFactor(0.004).setEndToEndMs(640).build();
    }

    static TailEvent event(Transcript transcript) {
        return new TailEvent.OfTranscript(transcript);
    }

    static TailEvent event(LatencyMetric metric) {
        return new TailEvent.OfMetric(metric);
    }

    private static LatencyMetric.Builder metric(String callId, MetricScope scope) {
        return LatencyMetric.newBuilder().setCallId(callId).setScope(scope).setAudioEndMs(45_200)
                .setModelId(MODEL).setEmittedAt(EMITTED_AT);
    }

    private static Transcript transcript(String callId, TranscriptKind kind, int revision, Integer channel,
                                         String speaker, List<TranscriptSegment> segments) {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.getText()));
        long end = segments.stream().mapToLong(TranscriptSegment::getEndMs).max().orElse(0);
        return Transcript.newBuilder().setCallId(callId).setKind(kind).setRevision(revision).setChannel(channel)
                .setSpeaker(speaker).setSegments(segments).setText(text.toString()).setLanguage("en")
                .setModelId(MODEL).setAudioDurationMs(end).setEmittedAt(EMITTED_AT).build();
    }
}
