package dev.callscribe.segmenter;

import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.pipeline.StreamsApp;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;

/**
 * The segmenter role: a Kafka Streams application that turns call audio into inference windows.
 *
 * <ul>
 *   <li>In: {@code calls.audio} (key call id, value AudioChunk).</li>
 *   <li>Out: {@code calls.windows} (AudioWindow per window of one channel, mono, in the call's own encoding and rate;
 *       windows without speech are sent empty so indices stay consecutive); {@code calls.dead-letter}.</li>
 *   <li>Work: validates chunks, drops duplicates, puts chunks in order (waiting up to {@code segmenter.gap.timeout.ms}
 *       for a missing one, then filling the gap with silence), splits channels, detects speech, and cuts windows
 *       by utterance (live calls) or in fixed overlapping chunks (recordings); a call ends on its last chunk or after
 *       {@code segmenter.inactivity.timeout.ms} without one.</li>
 *   <li>State: per call its format, order and per-channel detector and cutter; its audio stored chunk by chunk and
 *       released as soon as no future window needs it; early chunks; recently ended calls. Changelogged.</li>
 *   <li>Guarantees: exactly_once_v2.</li>
 * </ul>
 */
public final class Segmenter implements PipelineRole {

    /** The role's name. */
    public static final String ROLE = "segmenter";

    private final StreamsApp app;

    public Segmenter(Map<String, ?> configs, MeterRegistry meters) {
        SegmenterConfig config = new SegmenterConfig(configs);
        this.app = new StreamsApp(ROLE, SegmenterTopology.build(config,
                SchemaRegistryClients.create(config.serdeConfig()), meters), streamsProperties(config),
                meters);
    }

    static Properties streamsProperties(SegmenterConfig config) {
        return StreamsApp.properties(config, config.getString(SegmenterConfig.APPLICATION_ID_CONFIG),
                config.getString(SegmenterConfig.STATE_DIR_CONFIG), config.getInt(SegmenterConfig.NUM_THREADS_CONFIG));
    }

    @Override
    public String name() {
        return ROLE;
    }

    @Override
    public void start() {
        app.start();
    }

    @Override
    public boolean isReady() {
        return app.isReady();
    }

    @Override
    public boolean isHealthy() {
        return app.isHealthy();
    }

    @Override
    public void close() {
        app.close();
    }
}
