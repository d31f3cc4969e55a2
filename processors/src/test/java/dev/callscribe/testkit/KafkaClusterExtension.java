package dev.callscribe.testkit;

import dev.callscribe.app.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker in this JVM for the tests of one class: one KRaft node, broker and controller combined,
 * started before the first test and stopped (its data deleted) after the last. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
 * }</pre>
 *
 * <p>The broker is sized for one node so consumer groups and transactions work: the offsets and transaction state
 * topics have one replica and one partition, groups start without the initial rebalance delay, and timed-out
 * transactions are looked for every second (not every 10 s), so a test that kills a transactional client sees its
 * transaction aborted soon after the client's {@code transaction.timeout.ms}; consumer-protocol (KIP-848) groups
 * end a silent member's session after 6 s, with heartbeats every second. Tests in a class share the broker:
 * give each test its own topics and group ids ({@link #uniqueName}). Starts in about 1-2 s.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback {

    /** How long topic creation and other admin calls may take. */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static final Map<String, String> SINGLE_NODE = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"));

    private final Map<String, String> brokerProperties;
    private KafkaClusterTestKit cluster;
    private Admin admin;
    private int nameCounter;

    /** A broker with the single-node settings above. */
    public KafkaClusterExtension() {
        this(Map.of());
    }

    /**
     * A broker with the single-node settings above, then {@code overrides} (broker config names and values).
     */
    public KafkaClusterExtension(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(SINGLE_NODE);
        // A killed member's partitions and open transaction move within seconds, as on the embedded broker.
        properties.putAll(EmbeddedKafka.DEAD_WORKER_RECOVERY);
        properties.putAll(overrides);
        this.brokerProperties = Map.copyOf(properties);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        brokerProperties.forEach(builder::setConfigProp);
        cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (admin != null) {
            admin.close(Duration.ofSeconds(10));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The broker's address, {@code localhost:port}. */
    public String bootstrapServers() {
        requireStarted();
        return cluster.bootstrapServers();
    }

    /** An admin client for the broker, shared by the class's tests and closed with the broker. */
    public Admin admin() {
        requireStarted();
        return admin;
    }

    /** {@code prefix} plus a counter: a topic, group or transactional id no other test of the class uses. */
    public synchronized String uniqueName(String prefix) {
        return prefix + "-" + (++nameCounter);
    }

    /**
     * Creates topics with the given partition counts (one replica each) and waits until every partition has a
     * leader. Producing sooner races the broker's own view of the new partitions: an idempotent producer's first
     * request can fail with NOT_LEADER_OR_FOLLOWER while a later one lands, and the first then never does
     * (KAFKA-15591: 4.3.1 brokers have it; fixed on Kafka's trunk in August 2026).
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                .toList();
        try {
            admin().createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + partitionsByTopic.keySet(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + partitionsByTopic + ": " + e, e);
        }
        Await.until("every partition of " + partitionsByTopic.keySet() + " has a leader", ADMIN_TIMEOUT,
                () -> everyPartitionHasALeader(partitionsByTopic.keySet()));
    }

    /**
     * Whether every partition has a leader that serves it: described with a leader, and answering a request for its
     * end offset, which only the leader's own partition state can (the description comes from metadata that the
     * leader may not have applied yet).
     */
    private boolean everyPartitionHasALeader(Set<String> topics) {
        try {
            List<TopicPartitionInfo> partitions = new ArrayList<>();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin().describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values().forEach(topic -> topic.partitions().forEach(partition -> {
                        partitions.add(partition);
                        ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
                    }));
            if (!partitions.stream().allMatch(partition -> partition.leader() != null
                    && !partition.leader().isEmpty())) {
                return false;
            }
            admin().listOffsets(ends).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Creates one topic with {@code partitions} partitions. */
    public void createTopic(String name, int partitions) {
        createTopics(Map.of(name, partitions));
    }

    /** The names of the topics on the broker. */
    public Set<String> topics() {
        try {
            return admin().listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e, e);
        }
    }

    /** The client settings that reach this broker; add your own and hand them to any Kafka client. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** A plain idempotent producer (acks=all) for test input; the caller closes it. */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, keys, values);
    }

    /** Reads topics of this broker from the beginning, without a consumer group. */
    public TopicReader reader() {
        return new TopicReader(bootstrapServers());
    }

    private void requireStarted() {
        if (cluster == null) {
            throw new IllegalStateException("the broker is not started: register KafkaClusterExtension with "
                    + "@RegisterExtension on a static field");
        }
    }
}
