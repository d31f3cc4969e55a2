package dev.callscribe.deadletters;

import dev.callscribe.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records that dead letters carry back to the topics they were read from, byte for byte (key and value as
 * they were, so their schema ids still resolve), once the cause of their rejection is fixed. Each replayed record
 * carries a {@value #REPLAYED_FROM_HEADER} header naming the letter it came from. The producer is idempotent with
 * {@code acks=all}, as {@code callscribe publish}'s.
 *
 * <p>Replaying a letter twice sends its record twice: the pipeline drops a repeated audio chunk as DUPLICATE_SEQ
 * (LATE_CHUNK once its call ended) and a repeated window transcript as a duplicate, so this is safe but noisy.
 *
 * <p>Owns its producer until closed.
 */
public final class DeadLetterReplay implements AutoCloseable {

    /** The header naming the dead letter a replayed record came from ({@code topic-partition@offset}). */
    public static final String REPLAYED_FROM_HEADER = "callscribe.replayed.from";

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();

    /** A replay with the given producer settings ({@code bootstrap.servers}, security); serde keys are ignored. */
    public DeadLetterReplay(Map<String, ?> config) {
        Map<String, Object> producerConfig = new HashMap<>(config);
        producerConfig.keySet().retainAll(ProducerConfig.configNames());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Whether a letter carries the record it rejected (letters of records that never had a value do not). */
    public static boolean isReplayable(DeadLetter letter) {
        return letter.getValue() != null;
    }

    /**
     * Sends the letter's record to its source topic; call {@link #finish()} to wait for the acknowledgements.
     *
     * @throws IllegalArgumentException for a letter that is not {@linkplain #isReplayable replayable}
     */
    public void send(StoredDeadLetter stored) {
        DeadLetter letter = stored.letter();
        if (!isReplayable(letter)) {
            throw new IllegalArgumentException("the dead letter at " + stored.position() + " carries no value");
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.getSourceTopic(), bytes(letter.getKey()),
                bytes(letter.getValue()));
        record.headers().add(REPLAYED_FROM_HEADER, stored.position().getBytes(StandardCharsets.UTF_8));
        sent.add(producer.send(record));
    }

    /**
     * Waits until every record sent is acknowledged.
     *
     * @return how many records went to each topic
     * @throws KafkaException naming the first record the broker refused
     */
    public Map<String, Long> finish() {
        producer.flush();
        Map<String, Long> perTopic = new TreeMap<>();
        for (Future<RecordMetadata> future : sent) {
            perTopic.merge(acknowledged(future).topic(), 1L, Long::sum);
        }
        sent.clear();
        return perTopic;
    }

    @Override
    public void close() {
        producer.close();
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new KafkaException("a replayed record was refused: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for the replayed records", e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
