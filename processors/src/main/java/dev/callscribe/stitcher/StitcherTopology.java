package dev.callscribe.stitcher;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.pipeline.JsonSerde;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.serde.AvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

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
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                settings.windowTranscriptsTopic());
        topology.addProcessor(PROCESSOR, () -> new StitchProcessor(windows, settings, stitcherMeters), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.CHANNELS),
                Serdes.String(), new JsonSerde<>(ChannelProgress.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.PENDING),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StitcherStores.CALLS),
                Serdes.String(), new JsonSerde<>(CallProgress.class)), PROCESSOR);
        addSink(topology, TRANSCRIPTS_SINK, config.topic(Topics.TRANSCRIPTS), serdeConfig, registry);
        addSink(topology, METRICS_SINK, config.topic(Topics.METRICS), serdeConfig, registry);
        addSink(topology, DEAD_LETTER_SINK, config.topic(Topics.DEAD_LETTER), serdeConfig, registry);
        return topology;
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> void addSink(Topology topology, String name, Topic<V> topic,
                                                           Map<String, Object> serdeConfig,
                                                           SchemaRegistryClient registry) {
        Serializer<Object> values = (Serializer<Object>) (Serializer<?>) topic.valueSerde(serdeConfig, registry)
                .serializer();
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), values, PROCESSOR);
    }

    /** Value types forwarded to each sink, for readers of the topology. */
    static final Map<String, Class<?>> SINK_TYPES = Map.of(TRANSCRIPTS_SINK, Transcript.class,
            METRICS_SINK, LatencyMetric.class, DEAD_LETTER_SINK, DeadLetter.class);
}
