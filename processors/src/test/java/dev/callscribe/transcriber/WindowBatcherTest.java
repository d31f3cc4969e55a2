package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches across partitions, up to the size limit, with leftovers kept in order for the next batch. */
class WindowBatcherTest {

    private static final String TOPIC = "calls.windows";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private MockConsumer<byte[], byte[]> consumer;
    private WindowBatcher batcher;

    @BeforeEach
    void assignTwoPartitions() {
        consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        batcher = new WindowBatcher(new BatchingOptions(4, 20, 100, 10_000));
    }

    @Test
    void shouldGatherRecordsOfSeveralPartitionsIntoOneBatch() {
        add(P0, 0, 2);
        add(P1, 0, 2);

        List<ConsumerRecord<byte[], byte[]>> batch = batcher.next(consumer, 4);

        assertThat(batch).extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 0, 1, 1);
    }

    @Test
    void shouldStopAtTheBatchSizeAndKeepTheRestInOffsetOrder() {
        add(P0, 0, 6);

        List<ConsumerRecord<byte[], byte[]>> first = batcher.next(consumer, 4);
        List<ConsumerRecord<byte[], byte[]>> second = batcher.next(consumer, 4);

        assertThat(first).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L, 3L);
        assertThat(second).extracting(ConsumerRecord::offset).containsExactly(4L, 5L);
    }

    @Test
    void shouldTakeNoMoreThanTheBudgetAllows() {
        add(P0, 0, 4);

        assertThat(batcher.next(consumer, 3)).hasSize(3);
        assertThat(batcher.pendingCount()).isEqualTo(1);
    }

    @Test
    void shouldReturnAnEmptyBatchWhenNothingArrives() {
        assertThat(batcher.next(consumer, 4)).isEmpty();
    }

    @Test
    void shouldForgetRecordsOfARevokedPartition() {
        consumer.setMaxPollRecords(10);
        add(P0, 0, 6);
        add(P1, 0, 4);
        batcher.next(consumer, 4);

        batcher.forget(List.of(P1));

        assertThat(batcher.held()).extracting(ConsumerRecord::offset).containsExactly(4L, 5L);
        assertThat(batcher.held()).extracting(ConsumerRecord::partition).containsOnly(0);
    }

    @Test
    void shouldPollWithoutFetchingMoreWhileAFullBatchIsHeld() {
        consumer.setMaxPollRecords(10);
        add(P0, 0, 9);
        batcher.next(consumer, 1);
        add(P0, 9, 3);

        batcher.next(consumer, 1);

        assertThat(batcher.pendingCount()).isEqualTo(7);
        assertThat(consumer.paused()).isEmpty();
    }

    private void add(TopicPartition partition, int from, int count) {
        IntStream.range(from, from + count).forEach(offset -> consumer.addRecord(new ConsumerRecord<>(TOPIC,
                partition.partition(), offset, new byte[0], new byte[0])));
    }
}
