package dev.callscribe.deadletters;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.schemas.Topics;
import dev.callscribe.tail.ObserverConsumers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the dead-letter topic holds now: every committed letter from the oldest kept to the end as it is when
 * reading starts (letters written meanwhile are left for the next read), decoded, filtered, in partition order. An
 * observer like {@code tail}: partitions are assigned, no consumer group is joined, nothing is committed.
 */
public final class DeadLetterReader {

    /** The {@code client.id} of the consumer unless the configuration names one. */
    public static final String DEFAULT_CLIENT_ID = "callscribe-dead-letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** Longest a read may go without reaching the end: a broker that stops answering should not hang the caller. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> config;
    private final String topic;

    /**
     * @param config Kafka consumer settings and serde settings together ({@code bootstrap.servers},
     *               {@code schema.registry.url}, security), as the command line takes them
     * @param topic  the dead-letter topic
     */
    public DeadLetterReader(Map<String, ?> config, String topic) {
        this.config = Map.copyOf(config);
        this.topic = topic;
    }

    /**
     * Hands every matching letter to {@code each}, on this thread; a record that does not decode is logged and
     * counted.
     *
     * @return how many letters were read, matched and could not be decoded
     * @throws IllegalStateException if the topic does not exist
     * @throws TimeoutException if the end is not reached because Kafka stopped answering
     */
    public ReadSummary read(DeadLetterFilter filter, Consumer<? super StoredDeadLetter> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                ObserverConsumers.config(config, DEFAULT_CLIENT_ID), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             Deserializer<DeadLetter> letters = Topics.DEAD_LETTER.valueSerde(config).deserializer()) {
            Map<TopicPartition, Long> end = startAtTheOldest(consumer);
            ReadSummary summary = ReadSummary.NONE;
            long lastProgress = System.nanoTime();
            while (!reached(consumer, end)) {
                if (System.nanoTime() - lastProgress > IDLE_TIMEOUT.toNanos()) {
                    throw new TimeoutException("no progress reading " + topic + " for " + IDLE_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    lastProgress = System.nanoTime();
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        summary = summary.plus(handle(record, letters, filter, each));
                    }
                }
            }
            return summary;
        }
    }

    /** Where the read ends: the last stable offset of each partition now (read_committed end offsets). */
    private Map<TopicPartition, Long> startAtTheOldest(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on "
                    + config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey())
                >= partition.getValue());
    }

    private ReadSummary handle(ConsumerRecord<byte[], byte[]> record, Deserializer<DeadLetter> letters,
            DeadLetterFilter filter, Consumer<? super StoredDeadLetter> each) {
        DeadLetter letter;
        try {
            letter = letters.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warn("Skipped the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return ReadSummary.UNDECODABLE;
        }
        if (letter == null || !filter.matches(letter)) {
            return ReadSummary.READ;
        }
        each.accept(new StoredDeadLetter(record.topic(), record.partition(), record.offset(), letter));
        return ReadSummary.MATCHED;
    }

    /**
     * What a read found.
     *
     * @param read        records read
     * @param matched     letters handed on
     * @param undecodable records that were not dead letters
     */
    public record ReadSummary(long read, long matched, long undecodable) {

        static final ReadSummary NONE = new ReadSummary(0, 0, 0);
        static final ReadSummary READ = new ReadSummary(1, 0, 0);
        static final ReadSummary MATCHED = new ReadSummary(1, 1, 0);
        static final ReadSummary UNDECODABLE = new ReadSummary(1, 0, 1);

        ReadSummary plus(ReadSummary other) {
            return new ReadSummary(read + other.read, matched + other.matched, undecodable + other.undecodable);
        }
    }
}
