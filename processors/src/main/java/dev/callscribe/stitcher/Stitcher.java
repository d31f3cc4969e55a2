package dev.callscribe.stitcher;

import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class Stitcher implements PipelineRole {

    /** The role's name. */
    public static final String ROLE = "stitcher";

    private static final Logger LOG = LoggerFactory.getLogger(Stitcher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    public Stitcher(Map<String, ?> configs, MeterRegistry meters) {
        StitcherConfig config = new StitcherConfig(configs);
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdeConfig());
        this.streams = new KafkaStreams(StitcherTopology.build(config, registry, meters), streamsProperties(config));
    }

    static Properties streamsProperties(StitcherConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.clientConfig());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(StitcherConfig.APPLICATION_ID_CONFIG));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(StitcherConfig.STATE_DIR_CONFIG));
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(StitcherConfig.NUM_THREADS_CONFIG));
        // Nothing lost, nothing doubled: transcripts, metrics and store changelogs commit together.
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return properties;
    }

    @Override
    public String name() {
        return ROLE;
    }

    @Override
    public void start() {
        streams.setUncaughtExceptionHandler(failure -> {
            // Bad input is dead-lettered, so a failure here is a bug or a broken cluster: stop and report unhealthy,
            // so the orchestrator restarts the process, rather than retry the same record forever.
            LOG.error("Stitcher stream thread failed; stopping", failure);
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
        return streams.state() != KafkaStreams.State.ERROR && streams.state() != KafkaStreams.State.NOT_RUNNING
                && streams.state() != KafkaStreams.State.PENDING_ERROR;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
