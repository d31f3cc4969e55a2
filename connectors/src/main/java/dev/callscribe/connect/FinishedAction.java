package dev.callscribe.connect;

/** What the source connector does with a recording once it is done with it. */
public enum FinishedAction {
    /** Leave it where it is; the connector's offsets remember that it is done. */
    LEAVE,
    /**
     * Move it to {@code finished.directory} (or a rejected one to {@code rejected.directory}) once its last record
     * is committed, so the watched directory holds only work still to do.
     */
    MOVE
}
