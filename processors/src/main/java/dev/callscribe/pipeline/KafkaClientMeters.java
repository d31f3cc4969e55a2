package dev.callscribe.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Publishes a Kafka client's own metrics (the {@code kafka_producer_*}, {@code kafka_consumer_*} and
 * {@code kafka_stream_*} families: request rates, lag, commit latency, rebalances, task and thread metrics) to the
 * process's meter registry, tagged {@code role=<role name>}. A role binds each client it creates right after
 * creating it and closes the binding before closing the client:
 *
 * <pre>{@code
 * consumer = new KafkaConsumer<>(props);
 * consumerMeters = KafkaClientMeters.bind(registry, name(), consumer);
 * ...
 * consumerMeters.close();
 * consumer.close();
 * }</pre>
 */
public final class KafkaClientMeters {

    /** The tag naming the role a client belongs to. */
    public static final String ROLE_TAG = "role";

    private KafkaClientMeters() {
    }

    /** Binds a producer's metrics. */
    public static MeterBinding bind(MeterRegistry registry, String role, Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer, tags(role));
        metrics.bindTo(registry);
        return metrics::close;
    }

    /** Binds a consumer's metrics. */
    public static MeterBinding bind(MeterRegistry registry, String role, Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, tags(role));
        metrics.bindTo(registry);
        return metrics::close;
    }

    /** Binds a Kafka Streams instance's metrics (its threads, tasks, stores and embedded clients). */
    public static MeterBinding bind(MeterRegistry registry, String role, KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, tags(role));
        metrics.bindTo(registry);
        return metrics::close;
    }

    private static List<Tag> tags(String role) {
        return List.of(Tag.of(ROLE_TAG, role));
    }
}
