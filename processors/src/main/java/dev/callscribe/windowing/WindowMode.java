package dev.callscribe.windowing;

/**
 * How a channel's audio is cut into inference windows. Mirrors the Avro contract's {@code WindowMode} without
 * depending on it, so this package stays pure.
 */
public enum WindowMode {

    /**
     * Windows follow speech: consecutive speech spans packed into one window until it is full or the latency
     * budget has run out; for live calls, so a final arrives soon after each turn.
     */
    UTTERANCE,

    /**
     * Fixed windows with overlap, the Distil-Whisper chunked long-form algorithm; for recordings. Windows without
     * speech are still planned (as speechless) so window indices stay consecutive.
     */
    CHUNKED
}
