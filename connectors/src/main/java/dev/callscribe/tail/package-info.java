/**
 * Getting transcripts out: {@link dev.callscribe.tail.TranscriptFollower} follows {@code calls.transcripts} (and
 * optionally {@code calls.metrics}) with a read_committed consumer and hands each record to a listener as a
 * {@link dev.callscribe.tail.TailEvent}; the views turn events into text, for a terminal
 * ({@link dev.callscribe.tail.TerminalView}) or as JSON lines ({@link dev.callscribe.tail.JsonLinesView}). Views are
 * pure (events in, strings out), so they are tested without a broker and reused by any command that shows a call.
 */
package dev.callscribe.tail;
