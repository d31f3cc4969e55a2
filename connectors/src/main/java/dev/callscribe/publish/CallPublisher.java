package dev.callscribe.publish;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.schemas.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;

/**
 * Publishes calls to {@code calls.audio}: each call's chunks in seq order, keyed by call id, the value an
 * {@link AudioChunk} in Confluent's Avro wire format (the project's serde and Schema Registry client), so any
 * consumer with a Confluent-compatible deserializer reads them.
 *
 * <p>Several calls are interleaved as if they ran at the same time: chunks go out in the order their audio ends in
 * its call (ties in call order), whether paced in real time or sent as fast as possible. The producer is idempotent
 * with {@code acks=all}, so a retried send neither doubles nor reorders a call's chunks. The first failed chunk
 * stops the run with a {@link PublishException} naming it.
 *
 * <p>Owns its producer: {@link #close()} closes it. One run at a time; not thread-safe.
 */
public final class CallPublisher implements AutoCloseable {

    /** How long {@link #close()} waits for chunks in flight; only a failed run leaves any (a finished one flushed). */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, AudioChunk> producer;
    private final String topic;
    private final PublishClock clock;
    private final PublishListener listener;

    /**
     * A publisher sending through {@code producer}, which it takes ownership of.
     *
     * @param topic the name of the calls.audio topic
     * @param clock the time for pacing and {@code capturedAt}
     * @param listener told of progress on the publishing thread
     */
    public CallPublisher(Producer<String, AudioChunk> producer, String topic, PublishClock clock,
                         PublishListener listener) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * A publisher with a Kafka producer of its own.
     *
     * @param config Kafka client and serde settings ({@code bootstrap.servers}, {@code schema.registry.url}, security
     *        settings, ...), see {@link #producerConfig}
     * @throws ConfigException if the settings ask for weaker delivery than publishing needs, or a serde key is bad
     * @throws PublishException if the producer cannot be created (for example, no resolvable bootstrap server)
     */
    public static CallPublisher connect(Map<String, ?> config, Topic<AudioChunk> topic, PublishClock clock,
                                        PublishListener listener) {
        Map<String, Object> producerConfig = producerConfig(config);
        try {
            KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(producerConfig,
                    topic.keySerde().serializer(), topic.valueSerde(config).serializer());
            return new CallPublisher(producer, topic.name(), clock, listener);
        } catch (KafkaException e) {
            // KafkaProducer wraps the reason ("No resolvable bootstrap urls") in "Failed to construct kafka producer".
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new PublishException("cannot create a Kafka producer: " + reason, e);
        }
    }

    /**
     * The producer settings: everything given, plus {@code acks=all} and {@code enable.idempotence=true} so that no
     * chunk is lost, doubled or reordered by a retry.
     *
     * @throws ConfigException if the given settings contradict acks=all or idempotence
     */
    public static Map<String, Object> producerConfig(Map<String, ?> config) {
        requireAbsentOr(config, ProducerConfig.ACKS_CONFIG, "all", "-1");
        requireAbsentOr(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Map<String, Object> producerConfig = new HashMap<>(config);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return producerConfig;
    }

    /**
     * Publishes the calls, all starting now, and returns once every chunk is acknowledged.
     *
     * @param calls the calls, in call order (ties in the send order go to the earlier call)
     * @return the final progress: every chunk sent and acknowledged
     * @throws PublishException naming the first chunk that could not be serialized, sent or acknowledged
     * @throws InterruptedException if interrupted while pacing; chunks already sent stay sent
     */
    public PublishProgress publish(List<CallChunker> calls, Pacing pacing) throws InterruptedException {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("no calls to publish");
        }
        Instant start = clock.now();
        SendTracker tracker = new SendTracker(calls, start);
        PriorityQueue<Due> schedule = new PriorityQueue<>(Due.SEND_ORDER);
        for (int i = 0; i < calls.size(); i++) {
            schedule.add(new Due(i, calls.get(i), 0));
        }
        while (!schedule.isEmpty()) {
            Due next = schedule.poll();
            tracker.throwIfFailed();
            send(next, capturedAt(next, start, pacing), tracker);
            if (next.seq() + 1 < next.call().chunkCount()) {
                schedule.add(next.following());
            }
            listener.onProgress(tracker.progress(clock.now()));
        }
        flush(tracker);
        PublishProgress done = tracker.progress(clock.now());
        listener.onProgress(done);
        return done;
    }

    /** Closes the producer, waiting a bounded time for chunks still in flight. Idempotent. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private Instant capturedAt(Due due, Instant start, Pacing pacing) throws InterruptedException {
        if (pacing == Pacing.REALTIME) {
            Instant endOfAudio = start.plus(due.end());
            clock.sleepUntil(endOfAudio);
            return endOfAudio;
        }
        return clock.now();
    }

    private void send(Due due, Instant capturedAt, SendTracker tracker) {
        AudioChunk chunk = due.call().chunk(due.seq(), capturedAt);
        int payloadBytes = chunk.getPayload().remaining();
        String what = "chunk " + due.seq() + " of call " + chunk.getCallId() + " to " + topic;
        try {
            producer.send(new ProducerRecord<>(topic, chunk.getCallId(), chunk), tracker.callbackFor(what));
        } catch (KafkaException e) {
            // Serialization failures (registry unreachable, schema refused) are thrown here, not in the callback.
            throw new PublishException("cannot publish " + what + ": " + e.getMessage(), e);
        }
        tracker.sent(due.call(), due.seq(), payloadBytes);
    }

    private void flush(SendTracker tracker) {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new PublishException("cannot flush the chunks sent to " + topic + ": " + e.getMessage(), e);
        }
        // flush() returns after every callback has run, so every failure is known here.
        tracker.throwIfFailed();
    }

    private static void requireAbsentOr(Map<String, ?> config, String key, String... allowed) {
        Object value = config.get(key);
        if (value != null && !List.of(allowed).contains(String.valueOf(value).strip())) {
            throw new ConfigException(key, value, "publishing needs " + key + "=" + allowed[0]
                    + " so that no chunk is lost, doubled or reordered by a retry; remove the setting");
        }
    }

    /** Chunk {@code seq} of call {@code callIndex}, waiting its turn. */
    private record Due(int callIndex, CallChunker call, int seq) {

        /** Chunks whose audio ends earlier go first; at the same moment, the earlier call goes first. */
        static final Comparator<Due> SEND_ORDER = Comparator.comparing(Due::end).thenComparingInt(Due::callIndex);

        /** Where the chunk's audio ends in its call. */
        Duration end() {
            return call.endOf(seq);
        }

        Due following() {
            return new Due(callIndex, call, seq + 1);
        }
    }
}
