package dev.callscribe.pipeline;

import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/** Adds a sink for one of the pipeline's Avro topics to a Processor API topology, with the topic's own serdes. */
public final class AvroSinks {

    private AvroSinks() {
    }

    /**
     * A sink named {@code name} writing to {@code topic}; the processors feeding it forward values of the topic's
     * type (the sink's value type is Object so one processor can feed sinks of several types).
     */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> void add(Topology topology, String name, Topic<V> topic,
                                                      Map<String, Object> serdeConfig, SchemaRegistryClient registry,
                                                      String parent) {
        Serializer<Object> values = (Serializer<Object>) (Serializer<?>) topic.valueSerde(serdeConfig, registry)
                .serializer();
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), values, parent);
    }
}
