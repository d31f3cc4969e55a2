package dev.callscribe.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning with a consumer of its own (all partitions assigned, no group, nothing
 * committed), as a test's observer. {@code Committed} methods read with {@code isolation.level=read_committed}, the
 * view that exactly-once promises hold for; {@code Uncommitted} ones also see records of open and aborted
 * transactions. Every wait is bounded by a timeout and fails with what was read by then.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Reads committed records until at least {@code count} have arrived.
     *
     * @return every committed record read, in partition order then offset order within one partition's reads
     * @throws AssertionError if fewer than {@code count} arrive within {@code timeout}
     */
    public <K, V> List<ConsumerRecord<K, V>> awaitCommitted(String topic, Deserializer<K> keys,
                                                            Deserializer<V> values, int count, Duration timeout) {
        try (KafkaConsumer<K, V> consumer = consumer(IsolationLevel.READ_COMMITTED, keys, values)) {
            assignFromBeginning(consumer, topic);
            List<ConsumerRecord<K, V>> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(read::add);
            }
            if (read.size() < count) {
                throw new AssertionError("expected at least " + count + " committed records on " + topic + " within "
                        + timeout + ", read " + read.size());
            }
            return read;
        }
    }

    /**
     * Reads every record committed on the topic up to now (up to each partition's last stable offset).
     *
     * @throws AssertionError if that end is not reached within {@code timeout}
     */
    public <K, V> List<ConsumerRecord<K, V>> allCommitted(String topic, Deserializer<K> keys, Deserializer<V> values,
                                                          Duration timeout) {
        return readToEnd(IsolationLevel.READ_COMMITTED, topic, keys, values, timeout);
    }

    /**
     * Reads every record written to the topic up to now, records of open and aborted transactions included.
     *
     * @throws AssertionError if the end is not reached within {@code timeout}
     */
    public <K, V> List<ConsumerRecord<K, V>> allUncommitted(String topic, Deserializer<K> keys,
                                                            Deserializer<V> values, Duration timeout) {
        return readToEnd(IsolationLevel.READ_UNCOMMITTED, topic, keys, values, timeout);
    }

    private <K, V> List<ConsumerRecord<K, V>> readToEnd(IsolationLevel isolation, String topic, Deserializer<K> keys,
                                                        Deserializer<V> values, Duration timeout) {
        try (KafkaConsumer<K, V> consumer = consumer(isolation, keys, values)) {
            Set<TopicPartition> partitions = assignFromBeginning(consumer, topic);
            // For a read_committed consumer the end offsets are the last stable offsets.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<K, V>> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(read::add);
            }
            if (!reached(consumer, ends)) {
                throw new AssertionError("did not reach the end " + ends + " of " + topic + " within " + timeout
                        + " (" + isolation + "), read " + read.size());
            }
            return read;
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Set<TopicPartition> assignFromBeginning(KafkaConsumer<?, ?> consumer, String topic) {
        Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private <K, V> KafkaConsumer<K, V> consumer(IsolationLevel isolation, Deserializer<K> keys,
                                                Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, keys, values);
    }
}
