package dev.callscribe.it.scale;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.transcriber.TranscriberConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pipeline of the scale test: its broker, and its application and group ids, prefixed with its name.
 *
 * <p>Each pipeline has a broker of its own, with the default topic names, rather than renamed topics on a shared
 * broker: the Streams roles pass every configuration key to Kafka Streams, which reads {@code topic.*} keys (the
 * topic-name settings, such as {@code topic.calls.audio}) as configs of its internal topics and then fails to create
 * its changelogs ("Unknown topic config name: calls.window-transcripts").
 *
 * @param name             the prefix of the ids, e.g. {@code single} or {@code scaled}
 * @param bootstrapServers the pipeline's broker
 */
public record TestPipeline(String name, String bootstrapServers) {

    /** The segmenter's Kafka Streams application id, which is also its consumer group. */
    public String segmenterApplicationId() {
        return name + ".segmenter";
    }

    /** The stitcher's Kafka Streams application id, which is also its consumer group. */
    public String stitcherApplicationId() {
        return name + ".stitcher";
    }

    /** The transcribers' consumer group over calls.windows. */
    public String transcriberGroupId() {
        return name + ".transcriber";
    }

    /** The configuration keys that put a {@code callscribe run} process into this pipeline. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(SegmenterConfig.APPLICATION_ID_CONFIG, segmenterApplicationId());
        settings.put(StitcherConfig.APPLICATION_ID_CONFIG, stitcherApplicationId());
        settings.put(TranscriberConfig.GROUP_ID_CONFIG, transcriberGroupId());
        return settings;
    }
}
