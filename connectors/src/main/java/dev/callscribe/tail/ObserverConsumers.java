package dev.callscribe.tail;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * The settings of a consumer that only looks at the pipeline's topics ({@code tail}, {@code dead-letters}): it reads
 * committed records only, is assigned its partitions rather than joining a group, and commits nothing, so it needs no
 * group permissions and leaves nothing behind.
 */
public final class ObserverConsumers {

    private ObserverConsumers() {
    }

    /**
     * The given client settings made an observer's.
     *
     * @param config   client and serde settings as the command line takes them (other keys are kept)
     * @param clientId the {@code client.id} unless the settings name one
     */
    public static Map<String, Object> config(Map<String, ?> config, String clientId) {
        Map<String, Object> consumerConfig = new HashMap<>(config);
        // The pipeline writes in transactions: show only what they committed, never an aborted or open one.
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        // An observer: partitions are assigned and no position is ever committed.
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only used if retention deletes records before they are read: carry on from the oldest one left.
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return consumerConfig;
    }
}
