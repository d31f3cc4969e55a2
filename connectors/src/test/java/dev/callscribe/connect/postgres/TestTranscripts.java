package dev.callscribe.connect.postgres;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import java.time.Instant;
import java.util.List;

/** Transcripts of one two-channel call, as the stitcher publishes them, for the sink's tests. */
final class TestTranscripts {

    /** When revision 0 was emitted; revision n is emitted n seconds later. */
    static final Instant FIRST_EMISSION = Instant.parse("2026-11-26T10:00:00Z");
    static final String MODEL = "distil-whisper/distil-small.en";

    private TestTranscripts() {
    }

    /** The agent's channel (0): two segments. */
    static Transcript agent(String callId, TranscriptKind kind, int revision) {
        return channel(callId, 0, "agent", kind, revision, List.of(
                segment(0, 1_800, " Thank you for calling Northwind."),
                segment(2_000, 3_500, " How can I help?")));
    }

    /** The customer's channel (1): one segment. */
    static Transcript customer(String callId, TranscriptKind kind, int revision) {
        return channel(callId, 1, "customer", kind, revision, List.of(
                segment(4_000, 6_200, " I'd like a refund.")));
    }

    /** The combined transcript of the call (channel null): every segment labelled with its channel and speaker. */
    static Transcript combined(String callId, int revision) {
        List<TranscriptSegment> segments = List.of(
                labelled(segment(0, 1_800, " Thank you for calling Northwind."), 0, "agent"),
                labelled(segment(2_000, 3_500, " How can I help?"), 0, "agent"),
                labelled(segment(4_000, 6_200, " I'd like a refund."), 1, "customer"));
        return base(callId, TranscriptKind.FINAL, revision, segments).build();
    }

    /** A copy of a transcript with another text, as a different revision would have. */
    static Transcript withText(Transcript transcript, String text) {
        return Transcript.newBuilder(transcript).setText(text).build();
    }

    private static Transcript channel(String callId, int channel, String speaker, TranscriptKind kind, int revision,
                                      List<TranscriptSegment> segments) {
        return base(callId, kind, revision, segments).setChannel(channel).setSpeaker(speaker).build();
    }

    private static Transcript.Builder base(String callId, TranscriptKind kind, int revision,
                                           List<TranscriptSegment> segments) {
        String text = String.join("", segments.stream().map(TranscriptSegment::getText).toList());
        long end = segments.get(segments.size() - 1).getEndMs();
        return Transcript.newBuilder()
                .setCallId(callId).setKind(kind).setRevision(revision)
                .setSegments(segments).setText(text).setLanguage("en").setModelId(MODEL)
                .setAudioDurationMs(end).setEmittedAt(FIRST_EMISSION.plusSeconds(revision));
    }

    private static TranscriptSegment segment(long startMs, long endMs, String text) {
        return TranscriptSegment.newBuilder().setStartMs(startMs).setEndMs(endMs).setText(text)
                .setAvgLogProb(-0.25).setNoSpeechProb(0.01).build();
    }

    private static TranscriptSegment labelled(TranscriptSegment segment, int channel, String speaker) {
        return TranscriptSegment.newBuilder(segment).setChannel(channel).setSpeaker(speaker).build();
    }
}
