package dev.callscribe.transcriber;

import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.KafkaClusterExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's own topics on the shared broker, the transcriber configuration that points at them, and the means to
 * put windows in and read committed results out.
 */
final class TranscriberRig implements AutoCloseable {

    /** Bound on every wait for output. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    final String windowsTopic;
    final String transcriptsTopic;
    final String deadLetterTopic;
    final String groupId;
    private final KafkaClusterExtension kafka;
    private final String registryUrl;
    private final Map<String, Object> serdeConfig;
    private final Topic<AudioWindow> windows;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Transcriber> workers = new ArrayList<>();

    TranscriberRig(KafkaClusterExtension kafka, String registryUrl, int windowPartitions) {
        this.kafka = kafka;
        this.windowsTopic = kafka.uniqueName("windows");
        this.transcriptsTopic = kafka.uniqueName("window-transcripts");
        this.deadLetterTopic = kafka.uniqueName("dead-letter");
        this.groupId = kafka.uniqueName("transcribers");
        this.registryUrl = registryUrl;
        this.serdeConfig = Map.of(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        this.windows = Topics.WINDOWS.withName(windowsTopic);
        kafka.createTopics(Map.of(windowsTopic, windowPartitions, transcriptsTopic, 3, deadLetterTopic, 1));
        this.producer = kafka.producer(new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A configuration for a worker called {@code instance}: small batches that wait long enough to fill from
     * windows already published, and timeouts short enough for a takeover within a test. Values are strings, as
     * read from a properties file.
     */
    Map<String, String> config(String instance) {
        Map<String, String> config = new HashMap<>();
        config.put(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        config.put(PipelineConfig.TOPIC_PREFIX + Topics.WINDOWS.name(), windowsTopic);
        config.put(PipelineConfig.TOPIC_PREFIX + Topics.WINDOW_TRANSCRIPTS.name(), transcriptsTopic);
        config.put(PipelineConfig.TOPIC_PREFIX + Topics.DEAD_LETTER.name(), deadLetterTopic);
        config.put(TranscriberConfig.GROUP_ID_CONFIG, groupId);
        config.put(TranscriberConfig.INSTANCE_ID_CONFIG, instance);
        config.put(TranscriberConfig.LANGUAGE_CONFIG, "en");
        config.put(TranscriberConfig.BATCH_MAX_SIZE_CONFIG, "8");
        config.put(TranscriberConfig.BATCH_MAX_WAIT_MS_CONFIG, "300");
        config.put(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG, "250");
        config.put(TranscriberConfig.TRANSACTION_TIMEOUT_MS_CONFIG, "10000");
        config.put(TranscriberConfig.MAX_POLL_INTERVAL_MS_CONFIG, "10000");
        config.put(TranscriberConfig.SHUTDOWN_GRACE_MS_CONFIG, "20000");
        config.put(TranscriberConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        return config;
    }

    /** Publishes a window to the partition its key hashes to, and waits for the broker to have it. */
    RecordPosition send(AudioWindow window) {
        return sendRaw(null, window.getCallId(), serialize(window));
    }

    /** Publishes a window to one partition. */
    RecordPosition send(int partition, AudioWindow window) {
        return sendRaw(partition, window.getCallId(), serialize(window));
    }

    /** Publishes any bytes as a window record, as a broken producer might. */
    RecordPosition sendRaw(Integer partition, String key, byte[] value) {
        try {
            var metadata = producer.send(new ProducerRecord<>(windowsTopic, partition, key, value)).get();
            return new RecordPosition(metadata.partition(), metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + windowsTopic, e);
        }
    }

    /** A window in Confluent's wire format, its schema registered in the test's registry scope. */
    byte[] serialize(AudioWindow window) {
        return windows.valueSerde(serdeConfig).serializer().serialize(windowsTopic, window);
    }

    /** Waits for at least {@code count} committed window transcripts. */
    List<ConsumerRecord<String, WindowTranscript>> awaitTranscripts(int count) {
        return kafka.reader().awaitCommitted(transcriptsTopic, new StringDeserializer(),
                valueDeserializer(Topics.WINDOW_TRANSCRIPTS), count, TIMEOUT);
    }

    /** Every window transcript committed so far. */
    List<ConsumerRecord<String, WindowTranscript>> allCommittedTranscripts() {
        return kafka.reader().allCommitted(transcriptsTopic, new StringDeserializer(),
                valueDeserializer(Topics.WINDOW_TRANSCRIPTS), TIMEOUT);
    }

    /** Every window transcript written so far, those of open and aborted transactions included. */
    List<ConsumerRecord<String, WindowTranscript>> allWrittenTranscripts() {
        return kafka.reader().allUncommitted(transcriptsTopic, new StringDeserializer(),
                valueDeserializer(Topics.WINDOW_TRANSCRIPTS), TIMEOUT);
    }

    /** Waits for at least {@code count} committed dead letters. */
    List<ConsumerRecord<String, DeadLetter>> awaitDeadLetters(int count) {
        return kafka.reader().awaitCommitted(deadLetterTopic, new StringDeserializer(),
                valueDeserializer(Topics.DEAD_LETTER), count, TIMEOUT);
    }

    private <V extends SpecificRecord> Deserializer<V> valueDeserializer(Topic<V> topic) {
        return topic.valueSerde(serdeConfig).deserializer();
    }

    /** Creates and starts a worker around {@code engine}; {@link #close()} closes it. */
    Transcriber startWorker(Map<String, String> config, WhisperEngine engine, MeterRegistry meters, LoopHook hook) {
        Transcriber worker = new Transcriber(new TranscriberConfig(config), engine, false, meters, hook);
        workers.add(worker);
        worker.start();
        return worker;
    }

    /** Closes the workers started here, then the producer. */
    @Override
    public void close() {
        workers.forEach(Transcriber::close);
        producer.close(Duration.ofSeconds(10));
    }

    /** Where a published record landed. */
    record RecordPosition(int partition, long offset) {
    }
}
