package dev.callscribe.transcriber;

import dev.callscribe.testkit.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds a worker's loop thread the n-th time it reaches a stage, until released: a worker frozen mid-batch. Its
 * Kafka clients keep running (the heartbeat thread leaves the group once the poll interval is over), as they would
 * around a process that stopped making progress.
 */
final class HoldHook implements LoopHook {

    private final Stage stage;
    private final int occurrence;
    private final AtomicInteger reached = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int records;

    /** Holds at the {@code occurrence}-th (from 1) arrival at {@code stage}. */
    HoldHook(Stage stage, int occurrence) {
        this.stage = stage;
        this.occurrence = occurrence;
    }

    @Override
    public void reached(Stage current, int recordsInBatch) {
        if (current != stage || reached.incrementAndGet() != occurrence) {
            return;
        }
        records = recordsInBatch;
        held.countDown();
        try {
            released.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the loop thread is held. */
    void awaitHeld(Duration timeout) {
        Await.until("the worker is held at " + stage, timeout, () -> held.getCount() == 0);
    }

    /** Lets the loop thread go on; idempotent. */
    void release() {
        released.countDown();
    }

    /** Records in the batch that was held. */
    int records() {
        return records;
    }
}
