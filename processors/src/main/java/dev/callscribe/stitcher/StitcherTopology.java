package dev.callscribe.stitcher;

import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.pipeline.AvroSinks;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.JsonSerde;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.serde.AvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.LoggerFactory;

/**
 * The stitcher's topology: calls.window-transcripts in, through one processor with three state stores, out to
 * calls.transcripts, calls.metrics and calls.dead-letter. Every boundary names its serdes.
 */
public final class StitcherTopology {

    static final String SOURCE = "window-transcripts";
    static final String PROCESSOR = "stitch";
    static final String TRANSCRIPTS_SINK = "transcripts";
    static final String METRICS_SINK = "metrics";
    static final String DEAD_LETTER_SINK = "dead-letter";

    private StitcherTopology() {
    }

    /** Builds the topology; {@code registry} is shared by every serde of it. */
    public static Topology build(StitcherConfig config, SchemaRegistryClient registry, MeterRegistry meters) {
        Map<String, Object> serdeConfig = config.serdeConfig();
        AvroDeserializer<WindowTranscript> windows = AvroDeserializer.specific(WindowTranscript.class, registry);
        windows.configure(serdeConfig, false);
        StitcherSettings settings = StitcherSettings.from(config);
        StitcherMeters stitcherMeters = new StitcherMeters(meters);
        DeadLetterLog deadLetterLog = new DeadLetterLog(LoggerFactory.getLogger(StitchProcessor.class));
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                settings.windowTranscriptsTopic());
        topology.addProcessor(PROCESSOR, () -> new StitchProcessor(windows, settings, stitcherMeters,
                deadLetterLog), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.CHANNELS),
                Serdes.String(), new JsonSerde<>(ChannelProgress.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.PENDING),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.CALLS),
                Serdes.String(), new JsonSerde<>(CallProgress.class)), PROCESSOR);
        AvroSinks.add(topology, TRANSCRIPTS_SINK, config.topic(Topics.TRANSCRIPTS), serdeConfig, registry, PROCESSOR);
        AvroSinks.add(topology, METRICS_SINK, config.topic(Topics.METRICS), serdeConfig, registry, PROCESSOR);
        AvroSinks.add(topology, DEAD_LETTER_SINK, config.topic(Topics.DEAD_LETTER), serdeConfig, registry,
                PROCESSOR);
        return topology;
    }
}
