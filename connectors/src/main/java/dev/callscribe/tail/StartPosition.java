package dev.callscribe.tail;

/** Where a {@link TranscriptFollower} starts reading each partition. */
public enum StartPosition {
    /** The oldest record the topics still keep: replays every call within retention. */
    EARLIEST,
    /** The end of each partition when following starts: only what is written from then on. */
    LATEST
}
