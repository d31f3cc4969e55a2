package dev.callscribe.transcriber;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Forms batches of window records across partitions: polls until a batch is full or its first record has waited
 * the longest allowed, and keeps what a poll returned beyond the batch for the next one. Records leave in the order
 * they were fetched, so every partition's records are taken in offset order and a batch's offsets can be committed.
 *
 * <p>Records fetched but not yet taken are forgotten when their partition is revoked or the consumer is rewound;
 * the consumer fetches them again from the committed offset. Not thread-safe: used by the worker's loop only.
 */
final class WindowBatcher {

    /** How long a poll with nothing held waits for a first record; short, so an idle loop goes round often. */
    static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final int maxSize;
    private final long maxWaitNanos;
    private final Deque<ConsumerRecord<byte[], byte[]>> pending = new ArrayDeque<>();

    WindowBatcher(BatchingOptions options) {
        this.maxSize = options.maxSize();
        this.maxWaitNanos = Duration.ofMillis(options.maxWaitMs()).toNanos();
    }

    /**
     * The next batch: at most {@code limit} (and the configured maximum) records, possibly none when nothing
     * arrived. Polls at least once, which keeps the consumer in its group.
     */
    List<ConsumerRecord<byte[], byte[]>> next(Consumer<byte[], byte[]> consumer, int limit) {
        if (pending.size() >= maxSize) {
            keepAlive(consumer);
        } else {
            // Records left from a split batch do not wait for an idle poll, only for the batch to fill.
            poll(consumer, pending.isEmpty() ? IDLE_POLL : Duration.ZERO);
            fill(consumer);
        }
        return take(Math.min(limit, maxSize));
    }

    /** How many records the batcher holds, fetched but not yet taken. */
    int pendingCount() {
        return pending.size();
    }

    /** Forgets records of partitions this worker no longer owns. */
    void forget(Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = new HashSet<>(partitions);
        pending.removeIf(record -> gone.contains(new TopicPartition(record.topic(), record.partition())));
    }

    /** Forgets every record held, before the consumer is rewound. */
    void clear() {
        pending.clear();
    }

    /** The records held, oldest first (a rewind needs them for partitions without a committed offset). */
    List<ConsumerRecord<byte[], byte[]>> held() {
        return List.copyOf(pending);
    }

    /** Polls on until the batch is full or the first record has waited long enough. */
    private void fill(Consumer<byte[], byte[]> consumer) {
        if (pending.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        long left = maxWaitNanos;
        while (pending.size() < maxSize && left > 0) {
            poll(consumer, Duration.ofNanos(left));
            left = deadline - System.nanoTime();
        }
    }

    /** A poll that returns nothing for the partitions held already, so the buffer does not grow. */
    private void keepAlive(Consumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            poll(consumer, Duration.ZERO);
        } finally {
            consumer.resume(consumer.paused());
        }
    }

    private void poll(Consumer<byte[], byte[]> consumer, Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            pending.addLast(record);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> take(int count) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(Math.min(count, pending.size()));
        while (batch.size() < count && !pending.isEmpty()) {
            batch.add(pending.pollFirst());
        }
        return batch;
    }
}
