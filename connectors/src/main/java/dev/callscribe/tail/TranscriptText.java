package dev.callscribe.tail;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptSegment;
import java.util.List;
import java.util.Locale;

/**
 * How transcripts and metrics read as plain text in the terminal view: a final transcript as a block of segment lines
 * with times and speakers, an interim one as a label and its text, a call's metrics as one line. Pure functions.
 */
final class TranscriptText {

    private static final long TENTHS_PER_MINUTE = 600;
    private static final long MINUTES_PER_HOUR = 60;

    private TranscriptText() {
    }

    /**
     * A final transcript as a header and one line per segment, {@code [00:03.5 --> 00:05.1] customer: text}, speaker
     * labels padded to one width so the texts line up.
     */
    static String finalBlock(Transcript transcript) {
        StringBuilder block = new StringBuilder();
        block.append("== ").append(clean(transcript.getCallId())).append(" final, ")
                .append(clock(transcript.getAudioDurationMs())).append(" of audio (")
                .append(transcript.getLanguage() == null ? "" : clean(transcript.getLanguage()) + ", ")
                .append(clean(transcript.getModelId())).append(") ==\n");
        List<TranscriptSegment> segments = transcript.getSegments();
        if (segments.isEmpty()) {
            block.append("   (no speech)\n");
        }
        int width = segments.stream().mapToInt(segment -> speaker(segment, transcript).length()).max().orElse(0) + 1;
        for (TranscriptSegment segment : segments) {
            String who = speaker(segment, transcript) + ":";
            block.append('[').append(clock(segment.getStartMs())).append(" --> ").append(clock(segment.getEndMs()))
                    .append("] ").append(who).append(" ".repeat(width - who.length() + 1))
                    .append(clean(segment.getText())).append('\n');
        }
        return block.toString();
    }

    /** What an interim line starts with: {@code ~ call-7 agent [00:12.3] }, the time being how far it reaches. */
    static String interimLabel(Transcript transcript) {
        return "~ " + clean(transcript.getCallId()) + " " + speaker(transcript) + " ["
                + clock(transcript.getAudioDurationMs()) + "] ";
    }

    /** A call's latency summary (a CALL scope metric) as one line. */
    static String callMetrics(LatencyMetric metric) {
        return String.format(Locale.ROOT, "-- %s latency: %d windows, %s of audio, %s of speech, real-time factor "
                + "%.3f, end-to-end %d ms\n", clean(metric.getCallId()),
                metric.getWindowCount() == null ? 0 : metric.getWindowCount(), seconds(metric.getAudioMs()),
                seconds(metric.getSpeechMs()), metric.getRealTimeFactor(), metric.getEndToEndMs());
    }

    /**
     * A position on the call's timeline as {@code mm:ss.s}, or {@code h:mm:ss.s} from an hour on; rounded to the
     * nearest tenth of a second, so 59.96 s is {@code 01:00.0}.
     */
    static String clock(long millis) {
        long tenths = (Math.max(0, millis) + 50) / 100;
        long minutes = tenths / TENTHS_PER_MINUTE;
        long secondTenths = tenths % TENTHS_PER_MINUTE;
        String seconds = String.format(Locale.ROOT, "%02d.%d", secondTenths / 10, secondTenths % 10);
        if (minutes < MINUTES_PER_HOUR) {
            return String.format(Locale.ROOT, "%02d:%s", minutes, seconds);
        }
        return String.format(Locale.ROOT, "%d:%02d:%s", minutes / MINUTES_PER_HOUR, minutes % MINUTES_PER_HOUR,
                seconds);
    }

    /** Milliseconds as seconds with one decimal, {@code 45.2 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * Text from the topic made safe for one terminal line: control characters (which could move the cursor or
     * change colours) and line breaks become spaces, runs of whitespace one space, ends trimmed.
     */
    static String clean(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return cleaned.toString().strip().replaceAll("\\s+", " ");
    }

    /** Who spoke a transcript: its speaker label, else its channel, else (the combined transcript) {@code call}. */
    static String speaker(Transcript transcript) {
        return label(transcript.getSpeaker(), transcript.getChannel(), "call");
    }

    /** Who spoke a segment: its own label or channel (combined transcripts), else its transcript's. */
    static String speaker(TranscriptSegment segment, Transcript transcript) {
        return label(segment.getSpeaker(), segment.getChannel(), speaker(transcript));
    }

    private static String label(CharSequence speaker, Integer channel, String otherwise) {
        if (speaker != null && !clean(speaker).isEmpty()) {
            return clean(speaker);
        }
        return channel != null ? "channel " + channel : otherwise;
    }
}
