package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.segmenter.Segmenter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The six topics of the pipeline as they are created when missing: names from {@code topic.<name>}, partitions from
 * {@code topics.partitions} ({@code topics.windows.partitions} for calls.windows), replication from
 * {@code topics.replication.factor}.
 *
 * <p>Every topic uses {@code cleanup.policy=delete}, never compaction: every record of a call is keyed by its call
 * id, so compaction would keep only a call's last audio chunk, last window or last transcript revision. Retention
 * follows what each topic is for:
 * <ul>
 *   <li>calls.audio, calls.windows, calls.window-transcripts: 1 day. Working data, bulky for audio (about 16 KB/s
 *       per call); a day is enough to ride out an outage of a stage and let it catch up, and the recordings of
 *       record live in the contact center's own store.</li>
 *   <li>calls.transcripts, calls.metrics: 7 days. The product and its measurements; sinks copy them to long-term
 *       storage, a week lets a sink or a dashboard be down over a weekend without loss.</li>
 *   <li>calls.dead-letter: 14 days. Little volume, and operators need time to look at rejected input (it carries
 *       the original bytes and the reason) and replay it.</li>
 * </ul>
 * calls.windows also gets {@code max.message.bytes} for the largest window a segmenter cuts
 * ({@link Segmenter#MAX_WINDOW_RECORD_BYTES}, about 5.8 MB: 30 s of 48 kHz float); the broker's 1 MB default would
 * refuse windows of high-rate calls. Operators change these on existing topics with {@code kafka-configs --alter};
 * existing topics are never touched.
 */
public final class PipelineTopics {

    /** Retention of the working topics (audio, windows, window transcripts). */
    public static final Duration WORKING_RETENTION = Duration.ofDays(1);
    /** Retention of transcripts and latency metrics. */
    public static final Duration OUTPUT_RETENTION = Duration.ofDays(7);
    /** Retention of dead letters. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    private PipelineTopics() {
    }

    /** The topics to create, in flow order, as configured. */
    public static List<TopicSpec> specs(PipelineConfig config) {
        return Topics.ALL.stream().map(topic -> spec(config, topic)).toList();
    }

    private static TopicSpec spec(PipelineConfig config, Topic<?> topic) {
        String name = config.topic(topic).name();
        int partitions = topic.equals(Topics.WINDOWS)
                ? config.getInt(PipelineConfig.WINDOWS_PARTITIONS_CONFIG)
                : config.getInt(PipelineConfig.TOPICS_PARTITIONS_CONFIG);
        short replication = config.getShort(PipelineConfig.TOPICS_REPLICATION_FACTOR_CONFIG);
        Map<String, String> configs = new HashMap<>(topicConfigs(retentionOf(topic)));
        if (topic.equals(Topics.WINDOWS)) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Segmenter.MAX_WINDOW_RECORD_BYTES));
        }
        return new TopicSpec(name, partitions, replication, configs);
    }

    private static Duration retentionOf(Topic<?> topic) {
        if (topic.equals(Topics.DEAD_LETTER)) {
            return DEAD_LETTER_RETENTION;
        }
        if (topic.equals(Topics.TRANSCRIPTS) || topic.equals(Topics.METRICS)) {
            return OUTPUT_RETENTION;
        }
        return WORKING_RETENTION;
    }

    private static Map<String, String> topicConfigs(Duration retention) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
}
