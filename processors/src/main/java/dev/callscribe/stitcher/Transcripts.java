package dev.callscribe.stitcher;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.avro.WindowTranscript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds the Transcript records the stitcher publishes: one channel's, or the whole call's with speaker labels. */
final class Transcripts {

    private Transcripts() {
    }

    static Transcript ofChannel(WindowTranscript window, TranscriptKind kind, int revision,
                                List<StitchedSegment> segments, ChannelTotals totals, long nowMs) {
        List<TranscriptSegment> avro = segments.stream().map(segment -> avro(segment, null, null)).toList();
        return Transcript.newBuilder()
                .setCallId(window.getCallId())
                .setKind(kind)
                .setRevision(revision)
                .setChannel(window.getChannel())
                .setSpeaker(window.getSpeaker())
                .setSegments(avro)
                .setText(text(avro))
                .setLanguage(totals.language())
                .setModelId(totals.modelId())
                .setAudioDurationMs(totals.audioEndMs())
                .setEmittedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    /** The FINAL of the whole call: every channel's segments, labelled with channel and speaker, by start time. */
    static Transcript combined(String callId, Map<Integer, ChannelProgress> channels, long nowMs) {
        List<TranscriptSegment> all = new ArrayList<>();
        long audioEnd = 0;
        String language = null;
        String modelId = "";
        for (Map.Entry<Integer, ChannelProgress> channel : channels.entrySet()) {
            ChannelTotals totals = channel.getValue().totals();
            for (StitchedSegment segment : channel.getValue().segments()) {
                all.add(avro(segment, channel.getKey(), totals.speaker()));
            }
            audioEnd = Math.max(audioEnd, totals.audioEndMs());
            language = language != null ? language : totals.language();
            modelId = totals.modelId();
        }
        all.sort(Comparator.comparingLong(TranscriptSegment::getStartMs).thenComparing(s -> s.getChannel()));
        return Transcript.newBuilder()
                .setCallId(callId).setKind(TranscriptKind.FINAL).setRevision(0)
                .setChannel(null).setSpeaker(null)
                .setSegments(all).setText(text(all))
                .setLanguage(language).setModelId(modelId)
                .setAudioDurationMs(audioEnd)
                .setEmittedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    private static TranscriptSegment avro(StitchedSegment segment, Integer channel, String speaker) {
        return TranscriptSegment.newBuilder()
                .setStartMs(segment.startMs())
                .setEndMs(segment.endMs())
                .setText(segment.text())
                .setAvgLogProb(segment.avgLogProb())
                .setNoSpeechProb(segment.noSpeechProb())
                .setChannel(channel)
                .setSpeaker(speaker)
                .build();
    }

    private static String text(List<TranscriptSegment> segments) {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.getText()));
        return text.toString();
    }
}
