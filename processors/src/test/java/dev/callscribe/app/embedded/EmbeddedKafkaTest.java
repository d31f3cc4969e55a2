package dev.callscribe.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.app.Conditions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broker for the class: starting one takes a second or two. */
class EmbeddedKafkaTest {

    private static final EmbeddedSettings FREE_PORTS = EmbeddedSettings.defaults().withFreePorts();

    @TempDir
    static Path parent;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(FREE_PORTS, parent.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldListenOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void shouldDeliverWhatIsProducedToAConsumerGroup() throws Exception {
        // Given a topic
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("round-trip", 2, (short) 1))).all().get();
        }

        // When three records are produced, transactionally (exactly once needs the transaction coordinator)
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("round-trip", "call-" + i, "chunk " + i));
            }
            producer.commitTransaction();
        }

        // Then a read_committed consumer in a group reads all three
        assertThat(consumeValues("round-trip", 3)).containsExactlyInAnyOrder("chunk 0", "chunk 1", "chunk 2");
    }

    @Test
    void shouldPrintNothingOnTheConsoleWhileStarting(@TempDir Path otherParent) {
        // Given the console captured (the demo prints its transcript there)
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

        // When a broker formats its storage and starts
        try (EmbeddedKafka other = EmbeddedKafka.start(FREE_PORTS, otherParent)) {
            assertThat(other.bootstrapServers()).startsWith("127.0.0.1:");
        } finally {
            System.setOut(console);
        }

        // Then the formatter's report went to the log, not the console
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldComeBackWithItsTopicsOnTheSameDirectory(@TempDir Path directory) throws Exception {
        // Given a broker that created a topic, then stopped
        try (EmbeddedKafka first = EmbeddedKafka.start(FREE_PORTS, directory)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 3, (short) 1))).all().get();
            }
        }

        // When a broker starts again on the same directory
        try (EmbeddedKafka second = EmbeddedKafka.start(FREE_PORTS, directory);
             Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
            // Then the topic is there, with its partitions
            assertThat(admin.describeTopics(List.of("kept")).allTopicNames().get().get("kept").partitions())
                    .hasSize(3);
        }
    }

    @Test
    void shouldNameThePortWhenItIsTaken(@TempDir Path directory) {
        // Given the port of the running broker
        int taken = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().indexOf(':') + 1));
        EmbeddedSettings samePort = new EmbeddedSettings("127.0.0.1", "", taken, 0, Optional.empty());

        // When / Then
        assertThatThrownBy(() -> EmbeddedKafka.start(samePort, directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + taken);
    }

    static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private static List<String> consumeValues(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Conditions.await(expected + " records arrive on " + topic, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
