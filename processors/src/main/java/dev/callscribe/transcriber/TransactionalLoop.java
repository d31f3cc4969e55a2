package dev.callscribe.transcriber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-process-write loop of Kafka's ExactlyOnceMessageProcessor around the engine: poll a batch, transcribe it,
 * then in one transaction send its window transcripts and dead letters and add the consumed offsets, and commit.
 * The transaction begins only after inference, so it stays open for the sends and the commit alone and holds back
 * read_committed readers of the output as briefly as possible.
 *
 * <p>Failures: poison input never reaches here (it is dead-lettered in the batch); fatal Kafka errors end the loop
 * and mark it failed; other Kafka errors abort the transaction, rewind every assigned partition to its committed
 * offset and retry, a bounded number of times in a row. The loop's thread owns both clients; other threads only
 * call {@link #requestStop}. See {@link Failures}.
 */
final class TransactionalLoop implements Runnable {

    /** The loop's life, as health and readiness see it. */
    enum State { CREATED, RUNNING, STOPPED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Supplier<Producer<String, byte[]>> producers;
    private final LoopSettings settings;
    private final BatchProcessor processor;
    private final WindowBatcher batcher;
    private final BatchBudget budget;
    private final TranscriberMetrics metrics;
    private final LoopHook hook;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.CREATED;
    private volatile boolean stopRequested;
    private volatile long abandonAtNanos;
    private volatile Consumer<byte[], byte[]> consumer;
    private boolean transactionOpen;
    private int failedAttempts;

    TransactionalLoop(Supplier<Consumer<byte[], byte[]>> consumers, Supplier<Producer<String, byte[]>> producers,
                      LoopSettings settings, BatchProcessor processor, TranscriberMetrics metrics,
                      LoopHook hook) {
        this.consumers = consumers;
        this.producers = producers;
        this.settings = settings;
        this.processor = processor;
        this.batcher = new WindowBatcher(settings.batching());
        this.budget = new BatchBudget(settings.batching());
        this.metrics = metrics;
        this.hook = hook;
    }

    @Override
    public void run() {
        Producer<String, byte[]> producer = null;
        try {
            producer = producers.get();
            consumer = consumers.get();
            // First and once: fences a former incarnation with this transactional id and aborts what it left open.
            producer.initTransactions();
            consumer.subscribe(List.of(settings.windowsTopic()), new Rebalance());
            state = State.RUNNING;
            LOG.info("Transcriber {} consuming {} in group {}", settings.transactionalId(), settings.windowsTopic(),
                    settings.groupId());
            while (!stopRequested) {
                cycle(producer, consumer);
            }
            state = State.STOPPED;
        } catch (RuntimeException e) {
            LOG.error("Transcriber {} stopped for good: {}", settings.transactionalId(), e.toString(), e);
        } finally {
            if (state != State.STOPPED) {
                state = State.FAILED;
            }
            closeQuietly(consumer, producer);
        }
    }

    /**
     * Asks the loop to stop: it polls no more, finishes the batch in flight and commits it, unless {@code grace}
     * runs out first, in which case the batch is given up uncommitted at the next engine call. Returns at once.
     */
    void requestStop(Duration grace) {
        abandonAtNanos = System.nanoTime() + grace.toNanos();
        stopRequested = true;
        stopSignal.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    State state() {
        return state;
    }

    /** Whether a stop was asked for; the loop may still be finishing its batch. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Partitions of calls.windows assigned to this worker now. */
    Set<TopicPartition> assignment() {
        return Set.copyOf(assigned);
    }

    private void cycle(Producer<String, byte[]> producer, Consumer<byte[], byte[]> consumer) {
        List<ConsumerRecord<byte[], byte[]>> records = List.of();
        try {
            records = batcher.next(consumer, budget.windowsThatFit(settings.batching().maxSize()));
            if (records.isEmpty()) {
                return;
            }
            hook.reached(LoopHook.Stage.BATCH_TAKEN, records.size());
            long start = System.nanoTime();
            ProcessedBatch batch = processor.process(records, this::pastGrace);
            budget.observe(records.size(), (System.nanoTime() - start) / 1e6);
            commit(producer, consumer, batch);
            failedAttempts = 0;
        } catch (WakeupException e) {
            if (!stopRequested) {
                throw e;
            }
        } catch (AbandonedBatchException e) {
            LOG.warn("Transcriber {} gave up a batch of {} window(s) uncommitted: {}", settings.transactionalId(),
                    records.size(), e.getMessage());
        } catch (KafkaException e) {
            recover(e, producer, consumer, records);
        }
    }

    private void commit(Producer<String, byte[]> producer, Consumer<byte[], byte[]> consumer, ProcessedBatch batch) {
        producer.beginTransaction();
        transactionOpen = true;
        for (ProducerRecord<String, byte[]> record : batch.records()) {
            // Failed sends surface in commitTransaction, which then throws and the batch is retried.
            producer.send(record);
        }
        hook.reached(LoopHook.Stage.RECORDS_SENT, batch.records().size());
        // The offsets commit with the output or not at all; the group metadata lets the broker refuse them
        // from a worker that has lost its partitions (KIP-447), so a zombie cannot commit.
        producer.sendOffsetsToTransaction(batch.offsets(), consumer.groupMetadata());
        hook.reached(LoopHook.Stage.OFFSETS_SENT, batch.records().size());
        producer.commitTransaction();
        transactionOpen = false;
        metrics.committed(batch.stats());
    }

    private void recover(KafkaException failure, Producer<String, byte[]> producer,
                         Consumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> batch) {
        if (Failures.classify(failure) == Failures.Kind.FATAL) {
            throw failure;
        }
        if (transactionOpen) {
            transactionOpen = false;
            // Throws if the producer cannot abort, which ends the loop: nothing is committed either way.
            producer.abortTransaction();
        }
        failedAttempts++;
        metrics.aborted();
        if (failedAttempts > settings.maxRetries()) {
            throw new KafkaException("Gave up after " + failedAttempts + " aborted attempts in a row; the last: "
                    + failure, failure);
        }
        if (stopRequested) {
            return;
        }
        LOG.warn("Transcriber {} aborted a batch of {} window(s) and retries it (attempt {} of {}): {}",
                settings.transactionalId(), batch.size(), failedAttempts, settings.maxRetries(), failure.toString());
        rewind(consumer, batch);
        backOff(settings.retryBackoff().multipliedBy(failedAttempts));
    }

    /**
     * Moves every assigned partition back to its committed offset, so the aborted batch and everything held after
     * it are fetched again. A partition with no committed offset yet goes back to the first record held from it.
     */
    private void rewind(Consumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>(batch);
        held.addAll(batcher.held());
        batcher.clear();
        Map<TopicPartition, Long> firstHeld = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : held) {
            firstHeld.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else if (firstHeld.containsKey(partition)) {
                consumer.seek(partition, firstHeld.get(partition));
            }
        }
    }

    private boolean pastGrace() {
        return stopRequested && System.nanoTime() - abandonAtNanos > 0;
    }

    private void backOff(Duration pause) {
        try {
            stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    private void closeQuietly(Consumer<byte[], byte[]> consumer, Producer<String, byte[]> producer) {
        try {
            if (consumer != null) {
                consumer.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Transcriber {}: consumer did not close cleanly: {}", settings.transactionalId(), e.toString());
        }
        try {
            if (producer != null) {
                // Aborts a transaction still open (none after a clean stop).
                producer.close(CLIENT_CLOSE_TIMEOUT);
            }
        } catch (RuntimeException e) {
            LOG.warn("Transcriber {}: producer did not close cleanly: {}", settings.transactionalId(), e.toString());
        }
        assigned.clear();
        metrics.assignedPartitions(0);
    }

    /** Keeps the assignment for readiness and drops records of partitions this worker no longer owns. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
            metrics.assignedPartitions(assigned.size());
            LOG.info("Transcriber {} assigned {}", settings.transactionalId(), partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            batcher.forget(partitions);
            assigned.removeAll(partitions);
            metrics.assignedPartitions(assigned.size());
            LOG.info("Transcriber {} revoked {}", settings.transactionalId(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
