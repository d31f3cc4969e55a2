package dev.callscribe.transcriber;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * How the transcribers share calls.windows: Kafka 4's consumer group protocol (KIP-848) unless
 * {@code group.protocol=classic} is given. Under it the group coordinator hands out partitions member by member, so
 * a worker that joins takes free or moved partitions without stopping the others, and a worker that leaves or dies
 * loses only its own partitions. How soon a dead worker's partitions move is the broker's business under this
 * protocol: {@code group.consumer.session.timeout.ms} and {@code group.consumer.heartbeat.interval.ms} (defaults
 * 45 s and 5 s, bounded below by the {@code group.consumer.min.*} settings), or the same per group
 * ({@code consumer.session.timeout.ms}, {@code consumer.heartbeat.interval.ms} through {@code kafka-configs
 * --entity-type groups}). The classic protocol (brokers before 4.0) gets the cooperative sticky assignor, the
 * nearest it has: members keep their partitions through a rebalance.
 */
final class GroupProtocolSettings {

    /** Client keys the consumer protocol refuses, since the broker decides them; dropped if given for other clients. */
    static final List<String> BROKER_DECIDED = List.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);

    private GroupProtocolSettings() {
    }

    /** Sets the group protocol and what goes with it in {@code consumer}, a consumer's settings. */
    static void apply(Map<String, Object> consumer) {
        consumer.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, name(GroupProtocol.CONSUMER));
        String protocol = consumer.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG).toString().strip();
        if (protocol.equalsIgnoreCase(name(GroupProtocol.CONSUMER))) {
            BROKER_DECIDED.forEach(consumer::remove);
        } else {
            consumer.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    CooperativeStickyAssignor.class.getName());
        }
    }

    private static String name(GroupProtocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }
}
