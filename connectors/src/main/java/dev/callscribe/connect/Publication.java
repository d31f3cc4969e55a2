package dev.callscribe.connect;

import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;

/** What a task is publishing from one file: its chunks, or the dead letter of a file it rejected. */
interface Publication {

    /**
     * The next records that are due, at most {@code max}; empty when the next one is not due yet.
     *
     * @param nowNanos {@link System#nanoTime()} now
     */
    List<SourceRecord> nextBatch(int max, long nowNanos);

    /** Whether every record of the file has been handed out. */
    boolean done();

    /** How long until the next record is due; 0 if one is due now or none is left. */
    long nanosUntilDue(long nowNanos);

    /**
     * A rejected file: its dead letter, once. The record is made when it is first asked for, so a failure to make
     * it (an unreachable registry) leaves the publication to be tried again at the next poll.
     */
    static Publication rejection(Supplier<SourceRecord> deadLetter) {
        return new Publication() {
            private boolean sent;

            @Override
            public List<SourceRecord> nextBatch(int max, long nowNanos) {
                if (sent) {
                    return List.of();
                }
                List<SourceRecord> batch = List.of(deadLetter.get());
                sent = true;
                return batch;
            }

            @Override
            public boolean done() {
                return sent;
            }

            @Override
            public long nanosUntilDue(long nowNanos) {
                return 0;
            }
        };
    }
}
