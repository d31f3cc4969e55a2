package dev.callscribe.pipeline;

import dev.callscribe.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role that is a Kafka Streams application (the segmenter, the stitcher): exactly_once_v2, its Kafka metrics
 * published, a record that makes processing throw dead-lettered ({@link DeadLetteringExceptionHandler}), and a
 * failed stream thread stopping the instance (what is left is a broken cluster or a full disk: better restarted by
 * the orchestrator than retried forever).
 */
public final class StreamsApp implements PipelineRole {

    /** The default parent of a role's state directory: under the user's home, which the OS does not clean. */
    public static final String DEFAULT_STATE_ROOT = System.getProperty("user.home") + "/.callscribe/state";

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Size and age at which a segment of a changelog (or repartition topic) closes, so compaction can clean it. */
    static final String CHANGELOG_SEGMENT_BYTES = String.valueOf(64 * 1024 * 1024);
    static final String CHANGELOG_SEGMENT_MS = String.valueOf(Duration.ofMinutes(10).toMillis());

    /** Where a static member's {@code group.instance.id} may be given: for every client, or the main consumer. */
    private static final List<String> STATIC_MEMBERSHIP_KEYS = List.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));

    private final String role;
    private final KafkaStreams streams;
    private final MeterBinding streamsMeters;
    private final CloseOptions closeOptions;
    private volatile boolean closedCleanly = true;

    public StreamsApp(String role, Topology topology, Properties properties, MeterRegistry meters) {
        this.role = role;
        this.streams = new KafkaStreams(topology, properties);
        this.streamsMeters = KafkaClientMeters.bind(meters, role, streams);
        this.closeOptions = CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(onClose(properties));
    }

    /**
     * A stopping instance leaves its consumer group, so the others take its partitions at once; otherwise they, and
     * a restarted instance joining under a new member id, wait for its session to time out (45 s). A static member
     * ({@code group.instance.id} set) stays: it comes back under the same id and gets its partitions again without
     * a rebalance, which is what static membership is for.
     */
    private static GroupMembershipOperation onClose(Properties properties) {
        boolean staticMember = STATIC_MEMBERSHIP_KEYS.stream().anyMatch(properties::containsKey);
        return staticMember ? GroupMembershipOperation.REMAIN_IN_GROUP : GroupMembershipOperation.LEAVE_GROUP;
    }

    /**
     * The Streams properties of a role: every given key (so client settings such as security.protocol pass
     * through) but the topic names, its application id, state directory and threads, and exactly-once processing.
     * The topic names stay out because Kafka Streams reads every {@code topic.} key as a setting of its internal
     * topics: {@code topic.calls.audio=...} would make it create its changelogs with an unknown config and stop.
     */
    public static Properties properties(PipelineConfig config, String role, String applicationId, String stateDir,
                                        int threads) {
        Properties properties = new Properties();
        Map<String, Object> client = config.clientConfig();
        Topics.ALL.forEach(topic -> client.remove(PipelineConfig.TOPIC_PREFIX + topic.name()));
        properties.putAll(client);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // Nothing lost, nothing doubled: outputs, store changelogs and input offsets commit together.
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // The roles have no global stores; opting in to Kafka 5's behaviour now silences its start-up warning.
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // A record that makes processing throw goes to the dead-letter topic; the role and the other calls go on.
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class);
        properties.put(DeadLetteringExceptionHandler.ROLE_CONFIG, role);
        properties.put(DeadLetteringExceptionHandler.TOPIC_CONFIG, config.topic(Topics.DEAD_LETTER).name());
        // Compaction only cleans closed segments: with the broker's 1 GB segments a quiet pipeline's changelogs would
        // keep hours of released audio, all of it read again when a task is restored. Unless the deployment chose
        // otherwise (topic.segment.bytes, topic.segment.ms), segments close at 64 MB or after 10 minutes.
        properties.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), CHANGELOG_SEGMENT_BYTES);
        properties.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), CHANGELOG_SEGMENT_MS);
        return properties;
    }

    @Override
    public String name() {
        return role;
    }

    @Override
    public void start() {
        streams.setUncaughtExceptionHandler(failure -> {
            LOG.error("{} stream thread failed; stopping", role, failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    @Override
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public boolean isHealthy() {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
    }

    @Override
    public void close() {
        boolean failedBefore = streams.state() == KafkaStreams.State.ERROR
                || streams.state() == KafkaStreams.State.PENDING_ERROR;
        streamsMeters.close();
        // False when the stream threads did not stop within the close timeout.
        boolean closed = streams.close(closeOptions);
        closedCleanly = closed && !failedBefore;
    }

    @Override
    public boolean stoppedCleanly() {
        return closedCleanly;
    }
}
