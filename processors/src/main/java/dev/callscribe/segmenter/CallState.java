package dev.callscribe.segmenter;

import java.util.List;

/**
 * What the segmenter remembers about a call between chunks (a state store value, as JSON); the audio itself is in
 * its own store, chunk by chunk.
 *
 * @param format encoding, rate and channels, fixed by the first chunk
 * @param nextSeq the chunk sequence number expected next
 * @param nextFrame frames of the call taken in so far; the next chunk should start here, and a later offset is a gap
 * @param speakers speaker label per channel
 * @param languageHint language from the call metadata, or null
 * @param lastChunkWallMs wall-clock time the latest chunk was accepted, for the inactivity timeout
 * @param lastCapturedAtMs capture time of the newest chunk taken in (the one being taken in, while windows are cut
 *                         from it); 0 before the first
 * @param waitingSinceMs wall-clock time since which an early chunk waits for a missing one; 0 when none waits
 * @param channels per channel, its voice activity detector and window cutter
 */
record CallState(AudioFormat format, long nextSeq, long nextFrame, List<String> speakers, String languageHint,
                 long lastChunkWallMs, long lastCapturedAtMs, long waitingSinceMs, List<ChannelCut> channels) {

    CallState {
        speakers = List.copyOf(speakers);
        channels = List.copyOf(channels);
    }

    CallState waitingSince(long nowMs) {
        return new CallState(format, nextSeq, nextFrame, speakers, languageHint, lastChunkWallMs, lastCapturedAtMs,
                nowMs, channels);
    }

    /**
     * Before a chunk captured at {@code capturedAtMs} is taken in: the windows cut while it is taken in contain its
     * audio, so they carry its capture time (the call's first chunk included, whose windows would otherwise say 0).
     */
    CallState capturing(long capturedAtMs) {
        return new CallState(format, nextSeq, nextFrame, speakers, languageHint, lastChunkWallMs,
                Math.max(lastCapturedAtMs, capturedAtMs), waitingSinceMs, channels);
    }

    /** After a chunk of {@code frames} frames (gap filling included) was taken in. */
    CallState advanced(long frames, long nowMs, List<ChannelCut> cuts) {
        return new CallState(format, nextSeq + 1, nextFrame + frames, speakers, languageHint, nowMs,
                lastCapturedAtMs, waitingSinceMs, cuts);
    }

    /** Skips the missing chunks up to {@code seq}: the call carries on from it. */
    CallState skippingTo(long seq) {
        return new CallState(format, seq, nextFrame, speakers, languageHint, lastChunkWallMs, lastCapturedAtMs,
                0, channels);
    }

    CallState stopWaiting() {
        return waitingSince(0);
    }
}
