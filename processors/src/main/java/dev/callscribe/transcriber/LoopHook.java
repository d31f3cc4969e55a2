package dev.callscribe.transcriber;

/**
 * Called by the worker's loop at points of a batch's way from poll to commit. Production code uses {@link #NONE};
 * tests use it to hold a worker at a chosen point: inside its transaction, as a process freeze or kill would leave
 * it, or with a batch in flight while it is being closed.
 */
@FunctionalInterface
interface LoopHook {

    /** Points of a batch's way, in the order the loop reaches them. */
    enum Stage {
        /** A batch was taken from the polled records; nothing is transcribed or sent yet. */
        BATCH_TAKEN,
        /** Inside the transaction: every output record of the batch is handed to the producer; no offsets yet. */
        RECORDS_SENT,
        /** Inside the transaction: the consumed offsets are added too; the commit is next. */
        OFFSETS_SENT
    }

    /** Does nothing. */
    LoopHook NONE = (stage, records) -> { };

    /**
     * Called from the loop's thread.
     *
     * @param stage the point reached
     * @param records records in the batch (consumed at {@link Stage#BATCH_TAKEN}, produced after it)
     */
    void reached(Stage stage, int records);
}
