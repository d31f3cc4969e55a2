package dev.callscribe.tail;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transcripts for people: each call's combined FINAL as a block of segments with times and speakers
 * ({@link TranscriptText#finalBlock}), each CALL metric as a latency line, and, on a live terminal, the calls in
 * progress.
 *
 * <p>Live ({@link #live(int)}, for a terminal): below everything printed sits a block of interim lines, one per call
 * and channel in progress, {@code ~ call-7 agent [00:12.3] latest words}. Each INTERIM revision rewrites its line in
 * place (ANSI: cursor up, clear to the end of the screen, redraw the block); a channel's FINAL removes its line and the
 * call's combined FINAL is printed above the block. Lines are cut to the terminal's width, keeping the newest words,
 * so the cursor arithmetic holds; the block holds at most {@link #MAX_LIVE_LINES} lines, the oldest started making
 * room.
 *
 * <p>Plain ({@link #plain()}, for pipes and files): no control sequences and no interim lines. Revisions repeat
 * everything before them, so printing them would grow a log by the square of a call's length; finals and metrics
 * say everything once. {@code --json} shows every revision for those who want them.
 *
 * <p>Dead letters (with {@code --dead-letters}) print one line each, {@code !! dead letter: } and
 * {@link DeadLetterText#line}, in both modes.
 *
 * <p>Per-channel FINALs print nothing in either mode: the combined FINAL that follows holds the same segments, in time
 * order across speakers, which reads as the conversation.
 */
public final class TerminalView implements TailView {

    /** Interim lines shown at once, at most; more concurrent calls than fit would scroll the screen. */
    public static final int MAX_LIVE_LINES = 8;

    private static final String CSI = "\u001b[";
    /** Marks a dead-letter line among transcripts. */
    private static final String DEAD_LETTER_MARK = "!! dead letter: ";
    private static final String ELLIPSIS = "...";
    /** Narrower room for text than this, and an interim line is cut as a whole instead of keeping its label. */
    private static final int MIN_TEXT_ROOM = 10;

    private final boolean rewritesLines;
    private final int columns;
    private final Map<LineKey, InterimLine> interimLines = new LinkedHashMap<>();
    private int linesOnScreen;

    private TerminalView(boolean rewritesLines, int columns) {
        this.rewritesLines = rewritesLines;
        this.columns = columns;
    }

    /**
     * A view for a terminal of {@code columns} characters that understands ANSI control sequences.
     *
     * @throws IllegalArgumentException if {@code columns} is below {@link Terminal#MIN_COLUMNS}
     */
    public static TerminalView live(int columns) {
        if (columns < Terminal.MIN_COLUMNS) {
            throw new IllegalArgumentException("a live view needs at least " + Terminal.MIN_COLUMNS
                    + " columns, was " + columns);
        }
        return new TerminalView(true, columns);
    }

    /** A view for a pipe or a file: no control sequences, finals and metrics only. */
    public static TerminalView plain() {
        return new TerminalView(false, Terminal.DEFAULT_COLUMNS);
    }

    /** The view that suits where the output goes. */
    public static TerminalView on(Terminal terminal) {
        return terminal.interactive() ? live(terminal.columns()) : plain();
    }

    @Override
    public String render(TailEvent event) {
        Change change;
        if (event instanceof TailEvent.OfTranscript transcript) {
            change = onTranscript(transcript.transcript());
        } else if (event instanceof TailEvent.OfDeadLetter deadLetter) {
            change = new Change(DEAD_LETTER_MARK + DeadLetterText.line(deadLetter.letter()) + "\n", false);
        } else {
            change = onMetric((TailEvent.OfMetric) event);
        }
        return rewritesLines ? redraw(change) : change.printed();
    }

    /** What an event does: text printed for good, and whether the block of interim lines changed. */
    private record Change(String printed, boolean linesChanged) {
    }

    /** One interim line per call and channel. */
    private record LineKey(String callId, Integer channel) {
    }

    /** An interim line: who and how far, then the text so far. */
    private record InterimLine(String label, String text) {
    }

    private Change onTranscript(Transcript transcript) {
        LineKey key = new LineKey(transcript.getCallId(), transcript.getChannel());
        if (transcript.getKind() == TranscriptKind.INTERIM) {
            // Replacing a value keeps its place, so a call's lines stay where they are while they are rewritten.
            interimLines.put(key, new InterimLine(TranscriptText.interimLabel(transcript),
                    TranscriptText.clean(transcript.getText())));
            dropOldestBeyondLimit();
            return new Change("", rewritesLines);
        }
        if (transcript.getChannel() != null) {
            return new Change("", interimLines.remove(key) != null);
        }
        boolean removed = interimLines.keySet().removeIf(line -> line.callId().equals(transcript.getCallId()));
        return new Change(TranscriptText.finalBlock(transcript), removed);
    }

    private static Change onMetric(TailEvent.OfMetric metric) {
        return metric.isCallSummary()
                ? new Change(TranscriptText.callMetrics(metric.metric()), false)
                : new Change("", false);
    }

    private void dropOldestBeyondLimit() {
        Iterator<LineKey> oldest = interimLines.keySet().iterator();
        while (interimLines.size() > MAX_LIVE_LINES) {
            oldest.next();
            oldest.remove();
        }
    }

    private String redraw(Change change) {
        if (change.printed().isEmpty() && !change.linesChanged()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (linesOnScreen > 0) {
            // Back to the start of the first interim line, and clear from there to the end of the screen.
            out.append('\r').append(CSI).append(linesOnScreen).append('A').append(CSI).append('J');
        }
        out.append(change.printed());
        interimLines.values().forEach(line -> out.append(fit(line)).append('\n'));
        linesOnScreen = interimLines.size();
        return out.toString();
    }

    /**
     * The line cut to one column less than the terminal (writing the last column wraps on some terminals), keeping
     * the label and the end of the text, where the newest words are.
     */
    private String fit(InterimLine line) {
        int width = columns - 1;
        int labelLength = line.label().codePointCount(0, line.label().length());
        int textLength = line.text().codePointCount(0, line.text().length());
        if (labelLength + textLength <= width) {
            return line.label() + line.text();
        }
        int room = width - labelLength - ELLIPSIS.length();
        if (room < MIN_TEXT_ROOM) {
            String whole = line.label() + line.text();
            return whole.substring(0, whole.offsetByCodePoints(0, width));
        }
        return line.label() + ELLIPSIS + line.text().substring(line.text().offsetByCodePoints(0, textLength - room));
    }
}
