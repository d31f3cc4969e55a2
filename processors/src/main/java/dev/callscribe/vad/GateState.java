package dev.callscribe.vad;

/**
 * Where {@link HysteresisGate} stands, as three sample positions (24 bytes); immutable.
 *
 * @param speechStart first sample of the speech in progress (unpadded, a frame boundary), or {@link #NONE} in
 *                    silence
 * @param lastSpeechEnd end of the last frame that kept the speech going (unpadded); meaningful only in speech
 * @param previousSpanEnd end of the last span reported closed (padded), 0 before the first; a new span's padding
 *                        never reaches back past it, so spans never overlap
 */
public record GateState(long speechStart, long lastSpeechEnd, long previousSpanEnd) {

    /** {@link #speechStart} while in silence. */
    public static final long NONE = -1;

    /** Checks that positions are consistent. */
    public GateState {
        if (previousSpanEnd < 0 || speechStart < NONE) {
            throw new IllegalArgumentException("positions must not be negative; got speechStart " + speechStart
                    + " and previousSpanEnd " + previousSpanEnd);
        }
        if (speechStart != NONE && lastSpeechEnd <= speechStart) {
            throw new IllegalArgumentException("in speech, lastSpeechEnd (" + lastSpeechEnd
                    + ") must be after speechStart (" + speechStart + ")");
        }
    }

    /** The state at the start of a stream: silence, no span yet. */
    public static GateState initial() {
        return new GateState(NONE, 0, 0);
    }

    /** Whether speech is in progress (confirmed or not). */
    public boolean inSpeech() {
        return speechStart != NONE;
    }
}
