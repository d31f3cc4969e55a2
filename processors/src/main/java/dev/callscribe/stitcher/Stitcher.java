package dev.callscribe.stitcher;

import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.pipeline.StreamsApp;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.Topology;

/**
 * The stitcher role: a Kafka Streams application that turns window transcripts into call transcripts.
 *
 * <ul>
 *   <li>In: {@code calls.window-transcripts} (key call id, value WindowTranscript).</li>
 *   <li>Out: {@code calls.transcripts} (INTERIM revisions per call and channel while the call runs, exactly one FINAL
 *       per call and channel, and one combined FINAL per call with speaker labels, segments ordered by time);
 *       {@code calls.metrics} (a LatencyMetric per window and one per call); {@code calls.dead-letter}.</li>
 *   <li>State: per channel its merge state and settled segments, windows that arrived early, per call which channels
 *       are final; changelogged; a channel's state is dropped when its call is final.</li>
 *   <li>Guarantees: exactly_once_v2; windows are stitched in index order; a missing window is waited for up to
 *       {@code stitcher.gap.timeout.ms}, then skipped.</li>
 *   <li>Limits: a channel's settled segments are kept until the call ends, so state grows with a call's transcript
 *       (kilobytes, not audio).</li>
 * </ul>
 */
public final class Stitcher {

    /** The role's name. */
    public static final String ROLE = "stitcher";

    private Stitcher() {
    }

    /** The role, ready to start: its topology on a Kafka Streams instance, with its meters in {@code meters}. */
    public static PipelineRole create(Map<String, ?> configs, MeterRegistry meters) {
        StitcherConfig config = new StitcherConfig(configs);
        Topology topology = StitcherTopology.build(config, SchemaRegistryClients.create(config.serdeConfig()), meters);
        return new StreamsApp(ROLE, topology, streamsProperties(config), meters);
    }

    static Properties streamsProperties(StitcherConfig config) {
        return StreamsApp.properties(config, ROLE, config.getString(StitcherConfig.APPLICATION_ID_CONFIG),
                config.getString(StitcherConfig.STATE_DIR_CONFIG), config.getInt(StitcherConfig.NUM_THREADS_CONFIG));
    }
}
