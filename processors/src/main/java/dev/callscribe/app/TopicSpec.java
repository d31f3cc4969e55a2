package dev.callscribe.app;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as {@link TopicCreator} creates it when it is missing.
 *
 * @param name the topic name
 * @param partitions the partition count, at least 1
 * @param replicationFactor the replica count, or {@link #BROKER_DEFAULT_REPLICATION} for the broker's default
 * @param configs topic-level configuration (retention, cleanup policy)
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    /** The replication factor that asks the broker for its {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, got " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException("replication factor of topic " + name + " must be at least 1 or "
                    + BROKER_DEFAULT_REPLICATION + " (broker default), got " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
