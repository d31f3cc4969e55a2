package dev.callscribe.segmenter;

import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.pipeline.StreamsApp;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

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
public final class Segmenter {

    /** The role's name. */
    public static final String ROLE = "segmenter";

    /** The longest window a segmenter cuts, in either mode: the Whisper encoder's input, 30 s. */
    public static final int LONGEST_WINDOW_MS = 30_000;

    /** Room in a window record for everything but its samples (ids, times, speaker, metadata, Avro framing). */
    private static final int WINDOW_FIELDS_BYTES = 64 * 1024;

    /**
     * The largest AudioWindow record a segmenter writes: the longest window of one channel at the highest input rate
     * in the widest encoding (30 s of 48 kHz 32-bit float, 5.76 MB), since windows keep the call's own encoding and
     * rate. Kafka's 1 MB default holds 30 s of 16 kHz PCM16 but not 15 s of 48 kHz float, so calls.windows is
     * created with this {@code max.message.bytes} and the role's producer may send records this large.
     */
    public static final int MAX_WINDOW_RECORD_BYTES = LONGEST_WINDOW_MS / 1000
            * StreamingResampler.supportedInputRates().last() * Float.BYTES + WINDOW_FIELDS_BYTES;

    private Segmenter() {
    }

    /** The role, ready to start: its topology on a Kafka Streams instance, with its meters in {@code meters}. */
    public static PipelineRole create(Map<String, ?> configs, MeterRegistry meters) {
        SegmenterConfig config = new SegmenterConfig(configs);
        Topology topology = SegmenterTopology.build(config, SchemaRegistryClients.create(config.serdeConfig()), meters);
        return new StreamsApp(ROLE, topology, streamsProperties(config), meters);
    }

    static Properties streamsProperties(SegmenterConfig config) {
        Properties properties = StreamsApp.properties(config, ROLE,
                config.getString(SegmenterConfig.APPLICATION_ID_CONFIG),
                config.getString(SegmenterConfig.STATE_DIR_CONFIG), config.getInt(SegmenterConfig.NUM_THREADS_CONFIG));
        // Unless the deployment chose otherwise: room for the largest window (Kafka's default request is 1 MB).
        properties.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                MAX_WINDOW_RECORD_BYTES);
        return properties;
    }
}
