package dev.callscribe.it.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.connect.RecordingSourceConnector;
import dev.callscribe.it.connect.ConnectWorker;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.it.support.NodeTools;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.RegistryClientConfig;
import dev.callscribe.schemas.registry.RestSchemaRegistryClient;
import dev.callscribe.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callscribe run --embedded} as a stack other processes use, tried as a user does: the run in a process of
 * its own, {@code publish} and {@code tail} in others, pointed at the addresses the run printed; a Kafka Connect
 * worker publishing a recording through the embedded registry; Confluent's own JavaScript serdes writing audio and
 * reading transcripts. The model is the oracle fixture.
 */
class SharedEmbeddedStackTest {

    static final Path CALL = Path.of("../processors/src/main/resources/dev/callscribe/demo/"
            + "northwind-call-2ch-8k-ulaw.wav");
    static final Path ORACLE = Path.of("target/test-classes/fixtures/models/oracle");
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    static final Pattern BOOTSTRAP = Pattern.compile("^\\s+bootstrap\\.servers=(\\S+)$");
    static final Pattern REGISTRY = Pattern.compile("^\\s+schema\\.registry\\.url=(\\S+)$");

    private static CallscribeProcess run;
    private static String bootstrap;
    private static String registry;

    @TempDir
    Path temp;

    @BeforeAll
    static void startTheEmbeddedStack() {
        run = CallscribeProcess.start("run-embedded", List.of("run", "--embedded",
                "--set", "transcriber.model=" + ORACLE.toAbsolutePath(), "--set", "metrics.port=0",
                "--set", "embedded.kafka.port=0", "--set", "embedded.registry.port=0",
                "--set", "topics.partitions=2", "--set", "topics.windows.partitions=2"), Map.of());
        bootstrap = run.awaitOutput(BOOTSTRAP, START_TIMEOUT).group(1);
        registry = run.awaitOutput(REGISTRY, START_TIMEOUT).group(1);
    }

    @AfterAll
    static void stopTheEmbeddedStack() {
        run.close();
    }

    @Test
    void shouldTranscribeACallPublishedByAnotherProcessAndShowItInAThird() {
        // Given the addresses run printed: a loopback broker and an HTTP registry
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(registry).startsWith("http://127.0.0.1:");

        // When publish sends the sample call from a process of its own, and tail follows it from another
        try (CallscribeProcess publish = CallscribeProcess.start("publish", List.of("publish", CALL.toString(),
                     "--call-id", "shared-1", "--bootstrap-servers", bootstrap, "--registry-url", registry), Map.of());
             CallscribeProcess tail = CallscribeProcess.start("tail", List.of("tail", "--bootstrap-servers", bootstrap,
                     "--registry-url", registry, "--from-beginning", "--call-id", "shared-1", "--max-calls", "1"),
                     Map.of())) {
            // Then publish exits 0 having sent the 30 chunks, and tail shows the call's final transcript and exits 0
            assertThat(publish.awaitExit(CALL_TIMEOUT)).as(publish.logTail()).isZero();
            assertThat(publish.output()).contains("published 30 chunks of 1 call(s)");
            assertThat(tail.awaitExit(CALL_TIMEOUT)).as(tail.logTail()).isZero();
            assertThat(tail.output()).contains("== shared-1 final, 00:29.2 of audio (en, oracle) ==")
                    .containsPattern("(?m)^\\[00:01\\.0 --> 00:05\\.0\\] agent: +order$")
                    .containsPattern("(?m)^\\[00:06\\.4 --> 00:07\\.4\\] customer: +hello$");
        }
    }

    @Test
    void shouldGiveTheTopicsSubjectsFullCompatibility() {
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(new RegistryClientConfig(
                Map.of("schema.registry.url", registry)))) {
            for (var topic : Topics.ALL) {
                assertThat(client.getCompatibility(topic.valueSubject())).as(topic.valueSubject())
                        .isEqualTo(CompatibilityLevel.FULL);
                assertThat(client.getLatest(topic.valueSubject()).schema()).isEqualTo(topic.valueSchema());
            }
        }
    }

    @Test
    void shouldTakeAudioFromAndGiveTranscriptsToConfluentsOwnJavaScriptSerdes() throws Exception {
        // Given Confluent's JavaScript Schema Registry client and Avro serdes, with kafkajs
        NodeTools node = NodeTools.installed();

        // When they publish the sample call with the subject's latest schema, then read its transcript back
        NodeTools.Result produced = node.run(CALL_TIMEOUT, "confluent-serde.mjs", "produce", bootstrap, registry,
                Topics.AUDIO.name(), "js-1", CALL.toAbsolutePath().toString());
        NodeTools.Result transcript = node.run(CALL_TIMEOUT, "confluent-serde.mjs", "await-final", bootstrap,
                registry, Topics.TRANSCRIPTS.name(), "js-1", Long.toString(CALL_TIMEOUT.minusSeconds(10).toMillis()));

        // Then the pipeline transcribed what they wrote, and they read the combined FINAL it wrote
        assertThat(produced.succeeded()).as(produced.output()).isTrue();
        assertThat(produced.stdout()).contains("{\"chunks\":30}");
        assertThat(transcript.succeeded()).as(transcript.output()).isTrue();
        assertThat(transcript.stdout()).contains("\"text\":\" order hello hello hello order hello hello hello "
                + "order order\"", "\"segments\":10");
    }

    @Test
    void shouldRefuseASchemaInferredByConfluentsSerializerAsTheSubjectsNewestVersion() throws Exception {
        // Given Confluent's JavaScript serializer with its defaults, which registers a schema it infers from a
        // plain object
        NodeTools node = NodeTools.installed();

        // When it writes such an object to calls.audio
        NodeTools.Result result = node.run(START_TIMEOUT, "confluent-serde.mjs", "register-inferred", registry,
                Topics.AUDIO.name());

        // Then the registry refuses it under the subject's FULL compatibility, and the subject keeps one version
        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.stderr()).contains("is incompatible with an earlier schema for subject 'calls.audio-value' "
                + "(FULL)", "Error code: 409");
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(new RegistryClientConfig(
                Map.of("schema.registry.url", registry)))) {
            assertThat(client.getVersions(Topics.AUDIO.valueSubject())).containsExactly(1);
        }
    }

    @Test
    void shouldShowARejectedChunkToTheDeadLettersCommandOfAnotherProcess() {
        // Given a chunk naming a schema id the registry never gave, written by a client of its own
        byte[] unknownSchemaId = {0, 0, 0, 0x03, (byte) 0xE7, 1, 2, 3};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUDIO.name(), "bad-1", unknownSchemaId));
        }

        // When dead-letters list looks for the call's letters, from a process of its own, until the segmenter
        // has rejected it
        String[] listed = new String[1];
        Await.until("the dead letter of bad-1 listed", CALL_TIMEOUT, () -> {
            try (CallscribeProcess list = CallscribeProcess.start("dead-letters", List.of("dead-letters", "list",
                    "--call-id", "bad-1", "--bootstrap-servers", bootstrap, "--registry-url", registry), Map.of())) {
                assertThat(list.awaitExit(START_TIMEOUT)).as(list.logTail()).isZero();
                listed[0] = list.output();
            }
            return listed[0].contains("UNKNOWN_SCHEMA_ID");
        });

        // Then it names the stage, the reason and where the record was read
        assertThat(listed[0]).containsPattern("segmenter UNKNOWN_SCHEMA_ID calls\\.audio-\\d+@\\d+ call bad-1: ");
    }

    @Test
    void shouldRefuseAnInMemoryRegistryInAProcessOfItsOwn() {
        try (CallscribeProcess publish = CallscribeProcess.start("publish-mock", List.of("publish", CALL.toString(),
                "--bootstrap-servers", bootstrap, "--registry-url", "mock://callscribe"), Map.of())) {
            assertThat(publish.awaitExit(START_TIMEOUT)).isEqualTo(1);
            assertThat(publish.output()).contains("callscribe publish: schema.registry.url=mock://callscribe names "
                    + "an in-memory registry inside this process, which no other process can read");
        }
    }

    @Test
    void shouldCarryARecordingFromAConnectWorkerThroughTheEmbeddedRegistry() throws Exception {
        // Given a Connect worker on the embedded broker, its recordings source writing through the embedded registry
        Path recordings = Files.createDirectory(temp.resolve("recordings"));
        try (ConnectWorker worker = ConnectWorker.start(ConnectWorker.distributedConfig(bootstrap, "shared-connect"));
             KafkaConsumer<String, Transcript> transcripts = transcriptConsumer()) {
            worker.rest().putConnector("recordings-in", sourceConfig(recordings));
            worker.awaitRunning("recordings-in", 1);

            // When a recording lands in the directory
            Files.copy(CALL, recordings.resolve("connect-1.wav"));

            // Then the pipeline in the run process transcribes it: the call's combined FINAL arrives
            List<Transcript> finals = new CopyOnWriteArrayList<>();
            Await.until("the combined FINAL of connect-1", CALL_TIMEOUT, () -> {
                for (ConsumerRecord<String, Transcript> record : transcripts.poll(Duration.ofMillis(200))) {
                    Transcript transcript = record.value();
                    if (transcript.getKind() == TranscriptKind.FINAL && transcript.getChannel() == null) {
                        finals.add(transcript);
                    }
                }
                return finals.stream().anyMatch(transcript -> transcript.getCallId().equals("connect-1"));
            });
            assertThat(finals).filteredOn(transcript -> transcript.getCallId().equals("connect-1")).singleElement()
                    .extracting(Transcript::getText).asString().contains("order", "hello");
        }
    }

    private static Map<String, String> sourceConfig(Path directory) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", RecordingSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("schema.registry.url", registry);
        config.put("directory", directory.toString());
        config.put("file.min.age.ms", "0");
        config.put("poll.interval.ms", "200");
        return config;
    }

    private static KafkaConsumer<String, Transcript> transcriptConsumer() {
        Deserializer<Transcript> values = Topics.TRANSCRIPTS.valueSerde(Map.of("schema.registry.url", registry))
                .deserializer();
        KafkaConsumer<String, Transcript> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "shared-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.TRANSCRIPTS.name()));
        return consumer;
    }
}
