package dev.callscribe.app;

import dev.callscribe.schemas.serde.AvroSerdeConfig;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.transcriber.TranscriberConfig;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every configuration key something in a callscribe process reads: the process's and the roles' own keys, the Kafka
 * clients' and Kafka Streams' keys (also under the prefixes Streams uses to address one of its clients), and the
 * serde's. A key outside this set is passed on and read by nobody: most likely a typo, which {@code run} warns about.
 */
public final class KnownKeys {

    /** Prefixes under which Kafka Streams hands a key to one of its clients only ({@code producer.linger.ms}). */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private static final Set<String> KEYS = collect();

    private KnownKeys() {
    }

    /** Whether something in a callscribe process reads this key. */
    public static boolean isKnown(String key) {
        if (KEYS.contains(key)) {
            return true;
        }
        return STREAMS_CLIENT_PREFIXES.stream()
                .anyMatch(prefix -> key.startsWith(prefix) && KEYS.contains(key.substring(prefix.length())));
    }

    /** The keys among those given that nothing reads, in the order given. */
    public static List<String> unknown(Collection<String> keys) {
        return keys.stream().filter(key -> !isKnown(key)).toList();
    }

    private static Set<String> collect() {
        Set<String> keys = new HashSet<>();
        for (ConfigDef def : List.of(AppConfig.CONFIG_DEF, SegmenterConfig.CONFIG_DEF, TranscriberConfig.CONFIG_DEF,
                StitcherConfig.CONFIG_DEF, AvroSerdeConfig.CONFIG_DEF, ProducerConfig.configDef(),
                ConsumerConfig.configDef(), AdminClientConfig.configDef(), StreamsConfig.configDef())) {
            keys.addAll(def.names());
        }
        return Set.copyOf(keys);
    }
}
