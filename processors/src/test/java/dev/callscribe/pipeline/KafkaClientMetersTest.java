package dev.callscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.app.ProcessMeters;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients have their metrics from construction on, so no broker is needed (they never connect here). */
class KafkaClientMetersTest {

    private static final String NOWHERE = "localhost:1";
    /** Reconnect back-off that keeps the clients from logging a failed connection every few milliseconds. */
    private static final String QUIET = "60000";

    private final ProcessMeters meters = ProcessMeters.create();

    @TempDir
    Path stateDir;

    @AfterEach
    void closeMeters() {
        meters.close();
    }

    @Test
    void shouldPublishAProducersMetricsTaggedWithItsRole() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE, ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, QUIET,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, QUIET),
                new StringSerializer(), new StringSerializer())) {
            // When
            MeterBinding binding = KafkaClientMeters.bind(meters.registry(), "transcriber", producer);

            // Then
            assertThat(meters.scrape()).containsPattern("kafka_producer_\\w+\\{[^}]*role=\"transcriber\"");

            // And closing the binding removes them
            binding.close();
            assertThat(meters.scrape()).doesNotContain("kafka_producer_");
        }
    }

    @Test
    void shouldPublishAConsumersMetricsTaggedWithItsRole() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "transcribers");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, QUIET);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
                MeterBinding binding = KafkaClientMeters.bind(meters.registry(), "transcriber", consumer)) {
            assertThat(meters.scrape()).containsPattern("kafka_consumer_\\w+\\{[^}]*role=\"transcriber\"");
        }
    }

    @Test
    void shouldPublishAStreamsInstancesMetricsTaggedWithItsRole() {
        // Given a topology that is never started
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("calls.audio").to("calls.windows");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "callscribe-segmenter");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.RECONNECT_BACKOFF_MS_CONFIG, QUIET);
        props.put(StreamsConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, QUIET);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
                MeterBinding binding = KafkaClientMeters.bind(meters.registry(), "segmenter", streams)) {
            assertThat(meters.scrape()).containsPattern("kafka_stream_\\w+\\{[^}]*role=\"segmenter\"");
        }
    }
}
