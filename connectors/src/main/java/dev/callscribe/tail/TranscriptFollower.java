package dev.callscribe.tail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code calls.transcripts}, and optionally {@code calls.metrics}, handing every committed record of the
 * chosen calls to a listener as a {@link TailEvent}, in partition order (so a call's records arrive in the order they
 * were written, per topic; between the two topics there is no order).
 *
 * <p>Reading: a read_committed consumer, so records of aborted or still open transactions never show (the pipeline
 * writes exactly once, in transactions). Partitions are assigned, not subscribed: a follower is an observer, so it
 * joins no consumer group and commits nothing; it needs no group permissions, leaves no group behind and starts
 * without a rebalance. Partitions added to a topic while it runs are not followed. Any {@code group.id} in the
 * configuration is dropped for the same reason.
 *
 * <p>A broker that stops answering: the consumer retries on its own; when Kafka has not answered for
 * {@link TailOptions#giveUpAfter()}, following fails with a {@link KafkaUnreachableException} naming the brokers.
 *
 * <p>Lifecycle: {@link #follow(Consumer)} runs once, on the caller's thread, and returns when the stop condition is
 * reached or {@link #stop()} is called from any thread (a shutdown hook, say). It owns its consumer and
 * deserializers: they are opened and closed inside {@code follow}.
 */
public final class TranscriptFollower {

    /** The {@code client.id} of the consumer unless the configuration names one. */
    public static final String DEFAULT_CLIENT_ID = "callscribe-tail";

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptFollower.class);

    /** Between polls the stop flag is looked at; {@link #stop()} also wakes a waiting poll, so this adds no delay. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final Map<String, Object> config;
    private final TailOptions options;
    private final Object lock = new Object();
    private KafkaConsumer<String, byte[]> consumer; // guarded by lock; set only while follow() runs
    private boolean stopRequested; // guarded by lock
    private boolean used; // guarded by lock
    private volatile boolean following;
    private volatile TailProgress progress = TailProgress.NONE;

    /**
     * @param config Kafka consumer settings ({@code bootstrap.servers}, security) and serde settings
     *     ({@code schema.registry.url}, registry credentials) together, as {@code callscribe run} takes them
     * @param options what to read and when to stop
     */
    public TranscriptFollower(Map<String, ?> config, TailOptions options) {
        this.config = Map.copyOf(config);
        this.options = options;
    }

    /**
     * Reads until stopped, handing each event to {@code listener} on this thread. A record that cannot be decoded is
     * logged and skipped. Stopping, by the condition or by {@link #stop()}, is a normal return.
     *
     * @return what was read
     * @throws IllegalStateException if called a second time, or if a followed topic does not exist
     * @throws org.apache.kafka.common.KafkaException if Kafka fails (unreachable broker, authorization), among them
     *     {@link KafkaUnreachableException} when Kafka has not answered for {@link TailOptions#giveUpAfter()}
     */
    public TailProgress follow(Consumer<? super TailEvent> listener) {
        if (!claim()) {
            return progress;
        }
        try (RecordDecoder decoder = new RecordDecoder(config, options);
             KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(
                     consumerConfig(), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            if (!publish(kafka)) {
                return progress;
            }
            try {
                startReading(kafka);
                following = true;
                readUntilStopped(kafka, decoder, listener);
            } catch (WakeupException stopped) {
                LOG.debug("Woken up by stop(); closing");
            } finally {
                following = false;
                unpublish();
            }
        }
        return progress;
    }

    /**
     * Asks {@link #follow(Consumer)} to return soon, waking it if it waits on Kafka. Thread-safe and idempotent; before
     * {@code follow} starts it makes {@code follow} return at once.
     */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            if (consumer != null) {
                consumer.wakeup();
            }
        }
    }

    /**
     * Whether the start positions are fixed: from the moment this is true, every record committed to the followed
     * topics is delivered, also with {@link StartPosition#LATEST}. False again once {@code follow} ends.
     */
    public boolean isFollowing() {
        return following;
    }

    /** What has been read so far; may be called from any thread. */
    public TailProgress progress() {
        return progress;
    }

    /** Marks the follower used; false if it was stopped before it started. */
    private boolean claim() {
        synchronized (lock) {
            if (used) {
                throw new IllegalStateException("this follower has already followed; make a new one");
            }
            used = true;
            return !stopRequested;
        }
    }

    /** Lets stop() wake the consumer from now on; false if stop() came while the consumer was being made. */
    private boolean publish(KafkaConsumer<String, byte[]> kafka) {
        synchronized (lock) {
            consumer = stopRequested ? null : kafka;
            return consumer != null;
        }
    }

    /** Unpublishes the consumer before it is closed, so stop() never wakes a closed consumer. */
    private void unpublish() {
        synchronized (lock) {
            consumer = null;
        }
    }

    private boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    private void startReading(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : options.topicNames()) {
            partitions.addAll(partitionsOf(kafka, topic));
        }
        kafka.assign(partitions);
        if (options.start() == StartPosition.EARLIEST) {
            kafka.seekToBeginning(partitions);
        } else {
            kafka.seekToEnd(partitions);
        }
        // Seeks are lazy; asking for the positions fixes them now, which is what isFollowing() promises.
        partitions.forEach(kafka::position);
        LOG.info("Following {} ({} partitions) on {} from the {} records{}", options.topicNames(), partitions.size(),
                brokers(), options.start() == StartPosition.EARLIEST ? "oldest" : "latest",
                options.callId().map(id -> ", call " + id + " only").orElse(""));
    }

    /** An observer's settings; Kafka calls wait as long as the follower does unless the settings say otherwise. */
    private Map<String, Object> consumerConfig() {
        Map<String, Object> consumerConfig = ObserverConsumers.config(config, DEFAULT_CLIENT_ID);
        int giveUpAfterMs = (int) options.giveUpAfter().toMillis();
        consumerConfig.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, giveUpAfterMs);
        return consumerConfig;
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> kafka, String topic) {
        List<PartitionInfo> partitions;
        try {
            partitions = kafka.partitionsFor(topic);
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(brokers(), "about topic " + topic, options.giveUpAfter(), e);
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on " + brokers());
        }
        return partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Object brokers() {
        return config.getOrDefault(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "(no bootstrap.servers)");
    }

    private void readUntilStopped(KafkaConsumer<String, byte[]> kafka, RecordDecoder decoder,
                                  Consumer<? super TailEvent> listener) {
        CallCompletion completion = new CallCompletion(options.followMetrics());
        BrokerContact contact = new BrokerContact(kafka, options.giveUpAfter(), brokers());
        while (!stopRequested()) {
            ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
            contact.afterPoll(!records.isEmpty());
            for (ConsumerRecord<String, byte[]> record : records) {
                decoded(decoder, record).filter(event -> options.shows(event.callId()))
                        .ifPresent(event -> deliver(event, completion, listener));
                if (stopRequested() || options.stopWhen().reached(progress)) {
                    return;
                }
            }
        }
    }

    private void deliver(TailEvent event, CallCompletion completion, Consumer<? super TailEvent> listener) {
        listener.accept(event);
        progress = progress.withEvent(completion.finishes(event));
    }

    private Optional<TailEvent> decoded(RecordDecoder decoder, ConsumerRecord<String, byte[]> record) {
        try {
            Optional<TailEvent> event = decoder.decode(record);
            if (event.isEmpty()) {
                progress = progress.withSkipped();
            }
            return event;
        } catch (SerializationException e) {
            LOG.warn("Skipped the record of call {} at {} partition {} offset {}: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            progress = progress.withSkipped();
            return Optional.empty();
        }
    }
}
