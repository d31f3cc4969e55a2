package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.pipeline.AvroSinks;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.JsonSerde;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.serde.AvroDeserializer;
import dev.callscribe.schemas.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.LoggerFactory;

/**
 * The segmenter's topology: calls.audio in, through one processor with four state stores, out to calls.windows and
 * calls.dead-letter. Every boundary names its serdes.
 */
public final class SegmenterTopology {

    static final String SOURCE = "audio";
    static final String PROCESSOR = "segment";
    static final String WINDOWS_SINK = "windows";
    static final String DEAD_LETTER_SINK = "dead-letter";

    private SegmenterTopology() {
    }

    /** Builds the topology; {@code registry} is shared by every serde of it. */
    public static Topology build(SegmenterConfig config, SchemaRegistryClient registry, MeterRegistry meters) {
        Map<String, Object> serdeConfig = config.serdeConfig();
        AvroDeserializer<AudioChunk> chunks = AvroDeserializer.specific(AudioChunk.class, registry);
        chunks.configure(serdeConfig, false);
        SegmenterSettings settings = SegmenterSettings.from(config);
        ChunkDecoder decoder = new ChunkDecoder(chunks, writerView(serdeConfig, registry), settings.audioTopic());
        SegmenterMeters segmenterMeters = new SegmenterMeters(meters);
        DeadLetterLog deadLetterLog = new DeadLetterLog(LoggerFactory.getLogger(SegmentProcessor.class));
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                settings.audioTopic());
        topology.addProcessor(PROCESSOR, () -> new SegmentProcessor(decoder, settings, segmenterMeters,
                deadLetterLog), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SegmenterStores.CALLS),
                Serdes.String(), new JsonSerde<>(CallState.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SegmenterStores.EARLY),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SegmenterStores.AUDIO),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SegmenterStores.ENDED),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        AvroSinks.add(topology, WINDOWS_SINK, config.topic(Topics.WINDOWS), serdeConfig, registry, PROCESSOR);
        AvroSinks.add(topology, DEAD_LETTER_SINK, config.topic(Topics.DEAD_LETTER), serdeConfig, registry,
                PROCESSOR);
        return topology;
    }

    /** Reads any registered record as a GenericRecord of its writer schema, to say why it is not a usable chunk. */
    private static AvroDeserializer<Object> writerView(Map<String, Object> serdeConfig, SchemaRegistryClient registry) {
        Map<String, Object> generic = new HashMap<>(serdeConfig);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        AvroDeserializer<Object> view = new AvroDeserializer<>(registry);
        view.configure(generic, false);
        return view;
    }
}
