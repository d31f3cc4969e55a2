package dev.callscribe.it.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.connect.RecordingSourceConnector;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.it.support.ApicurioRegistryExtension;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recordings source connector as users run it: the packaged plugin on a real Kafka Connect worker (distributed,
 * exactly-once source support enabled), created over the REST API, publishing to a KRaft broker with an Apicurio
 * Schema Registry, read back with read_committed consumers and the project's deserializer. The worker cannot see
 * callscribe's own classes (see {@link ConnectWorker}), so a connector that runs proves the packaged plugin complete.
 */
class RecordingSourceConnectorTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final ApicurioRegistryExtension REGISTRY = ApicurioRegistryExtension.v2();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static ConnectWorker worker;

    @TempDir
    Path temp;

    @BeforeAll
    static void startWorker() {
        worker = ConnectWorker.start(exactlyOnceWorker(KAFKA.uniqueName("connect-shared")));
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void shouldPackageThePluginWithItsDependenciesAndWithoutTheWorkers() throws IOException {
        try (Stream<Path> jars = Files.list(ConnectWorker.pluginPath().resolve("callscribe-connect"))) {
            List<String> names = jars.map(jar -> jar.getFileName().toString()).toList();
            assertThat(names).anyMatch(name -> name.startsWith("callscribe-connectors-"))
                    .anyMatch(name -> name.startsWith("callscribe-schemas-"))
                    .anyMatch(name -> name.startsWith("avro-"))
                    .noneMatch(name -> name.startsWith("kafka-clients-") || name.startsWith("connect-api-")
                            || name.startsWith("slf4j-"));
        }
        assertThat(worker.rest().connectorPlugins().findValuesAsText("class"))
                .as("connector plugins the worker found on plugin.path")
                .contains(RecordingSourceConnector.class.getName());
    }

    @Test
    void shouldPublishEveryRecordingExactlyOnceAndDeadLetterTheBadOnes() throws Exception {
        // Given two recordings, two bad files and two files the connector must leave alone; finished files moved
        Path directory = Files.createDirectory(temp.resolve("recordings"));
        WavAudio sample = WavReader.read(Files.write(directory.resolve("northwind-call.wav"), SampleCall.wavBytes()));
        WavAudio tone = writeTone(directory.resolve("tone-16k.wav"), 16_000 * 33 / 10, 16_000);
        writeFilesToRejectOrSkip(directory);
        TestTopics topics = TestTopics.create(3);
        Map<String, String> config = connectorConfig(directory, topics);
        config.put("finished.action", "MOVE");
        config.put("finished.directory", temp.resolve("done").toString());
        config.put("rejected.directory", temp.resolve("rejected").toString());

        // When the connector runs with two tasks
        worker.rest().putConnector("recordings-in", config);
        worker.awaitRunning("recordings-in", 2);

        // Then each recording arrives once, whole, in order; each bad file is one dead letter; files are moved
        int expected = chunksOf(sample, 1000) + chunksOf(tone, 1000);
        KAFKA.reader().awaitCommitted(topics.audio(), new StringDeserializer(), chunks(), expected, TIMEOUT);
        Await.until("recordings moved to done/ and rejected/", TIMEOUT,
                () -> filesIn(temp.resolve("done")).size() + filesIn(temp.resolve("rejected")).size() == 4);
        List<ConsumerRecord<String, AudioChunk>> published = committedChunks(topics.audio());
        assertThat(published).hasSize(expected);
        assertPublishedOnceInOrder(published, "northwind-call", sample, chunksOf(sample, 1000));
        assertPublishedOnceInOrder(published, "tone-16k", tone, chunksOf(tone, 1000));
        assertDeadLetters(topics.deadLetter(), "recordings-in");
        assertThat(filesIn(temp.resolve("done"))).containsExactlyInAnyOrder("northwind-call.wav", "tone-16k.wav");
        assertThat(filesIn(temp.resolve("rejected"))).containsExactlyInAnyOrder("notes.wav", "pcm24.wav");
        assertThat(filesIn(directory)).containsExactlyInAnyOrder("notes.txt", ".still-recording.wav");
        worker.deleteConnector("recordings-in");
    }

    @Test
    void shouldResumeAfterAWorkerRestartWithoutRepublishingOrSkippingAChunk() throws Exception {
        // Given a 60 s recording, paced at 10x real time in 100 ms chunks: about 6 s to publish 600 chunks
        Path directory = Files.createDirectory(temp.resolve("long"));
        Path recording = directory.resolve("long-call.wav");
        WavAudio audio = writeTone(recording, 8_000 * 60, 8_000);
        int total = chunksOf(audio, 100);
        TestTopics topics = TestTopics.create(1);
        Map<String, String> config = connectorConfig(directory, topics);
        config.put("chunk.length.ms", "100");
        config.put("replay.speed", "10");
        Map<String, String> workerConfig = exactlyOnceWorker(KAFKA.uniqueName("connect-restart"));

        // When the worker is stopped once the first chunks are committed, and another one takes over
        try (ConnectWorker first = ConnectWorker.start(workerConfig);
             CommittedRecords<String, AudioChunk> progress = new CommittedRecords<>(KAFKA.bootstrapServers(),
                     topics.audio(), new StringDeserializer(), chunks())) {
            first.rest().putConnector("long-call-in", config);
            first.awaitRunning("long-call-in", 2);
            Await.until("the first 50 chunks are committed", TIMEOUT, () -> progress.poll() >= 50);
        }
        assertThat(committedChunks(topics.audio())).as("chunks committed when the first worker stopped")
                .hasSizeBetween(50, total - 1);
        try (ConnectWorker second = ConnectWorker.start(workerConfig)) {
            second.awaitRunning("long-call-in", 2);
            KAFKA.reader().awaitCommitted(topics.audio(), new StringDeserializer(), chunks(), total, TIMEOUT);

            // Then every chunk is there exactly once, in order, and together they are the file's audio
            assertPublishedOnceInOrder(committedChunks(topics.audio()), "long-call", audio, total);
            assertThat(second.rest().offsets("long-call-in").findValuesAsText("file"))
                    .containsExactly(recording.toAbsolutePath().toString());
        }
    }

    @Test
    void shouldRefuseAValueConverterThatWouldRewriteItsAvroBytes() {
        // Given a connector configured with the JSON converter for its values
        Map<String, String> config = connectorConfig(temp, new TestTopics("calls.audio", "calls.dead-letter"));
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");

        // When it is created
        worker.rest().putConnector("wrong-converter", config);

        // Then it fails, saying which key to change and to what
        Await.until("connector wrong-converter fails", TIMEOUT, () -> worker.rest().status("wrong-converter")
                .map(ConnectorStatus::hasFailed).orElse(false));
        assertThat(worker.rest().status("wrong-converter").orElseThrow().trace())
                .contains("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.deleteConnector("wrong-converter");
    }

    private static Map<String, String> exactlyOnceWorker(String clusterName) {
        Map<String, String> config = ConnectWorker.distributedConfig(KAFKA.bootstrapServers(), clusterName);
        config.put("exactly.once.source.support", "enabled");
        return config;
    }

    private static Map<String, String> connectorConfig(Path directory, TestTopics topics) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", RecordingSourceConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        // The worker refuses to run the connector unless it declares exactly-once support.
        config.put("exactly.once.support", "required");
        config.put("directory", directory.toString());
        config.put("topic", topics.audio());
        config.put("dead.letter.topic", topics.deadLetter());
        config.put("schema.registry.url", REGISTRY.registry().ccompatUrl());
        config.put("file.min.age.ms", "0");
        config.put("poll.interval.ms", "200");
        return config;
    }

    /** Chunks of the call arrive once each, seq 0..n-1 in order, flagged last at the end, and hold its audio. */
    private static void assertPublishedOnceInOrder(List<ConsumerRecord<String, AudioChunk>> published, String callId,
                                                   WavAudio audio, int chunkCount) {
        List<AudioChunk> call = published.stream().filter(record -> callId.equals(record.key()))
                .map(ConsumerRecord::value).toList();
        assertThat(call).extracting(AudioChunk::getSeq).as("seqs of %s", callId)
                .containsExactlyElementsOf(LongStream.range(0, chunkCount).boxed().toList());
        assertThat(call).allSatisfy(chunk -> {
            assertThat(chunk.getCallId()).isEqualTo(callId);
            assertThat(chunk.getSampleRateHz()).isEqualTo(audio.sampleRateHz());
            assertThat(chunk.getChannels()).isEqualTo(audio.channels());
            assertThat(chunk.getEncoding().name()).isEqualTo(audio.encoding().name());
            assertThat(chunk.getLast()).isEqualTo(chunk.getSeq() == chunkCount - 1);
        });
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        call.forEach(chunk -> payload.writeBytes(bytes(chunk.getPayload())));
        assertThat(payload.toByteArray()).as("audio of %s", callId).isEqualTo(audio.payload());
    }

    private static void assertDeadLetters(String topic, String connectorName) {
        Deserializer<DeadLetter> letters = Topics.DEAD_LETTER.valueSerde(registryConfig()).deserializer();
        List<DeadLetter> rejected = KAFKA.reader().awaitCommitted(topic, new StringDeserializer(), letters, 2,
                TIMEOUT).stream().map(ConsumerRecord::value).toList();
        assertThat(rejected).extracting(DeadLetter::getCallId).containsExactlyInAnyOrder("notes", "pcm24");
        assertThat(rejected).allSatisfy(letter -> {
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
            assertThat(letter.getStage()).isEqualTo(connectorName);
            assertThat(letter.getMessage()).contains(letter.getCallId() + ".wav");
        });
        assertThat(rejected).filteredOn(letter -> letter.getCallId().equals("pcm24"))
                .singleElement().extracting(DeadLetter::getMessage).asString().contains("24 bits");
    }

    /** The two topics a connector writes, fresh for one test. */
    private record TestTopics(String audio, String deadLetter) {

        static TestTopics create(int audioPartitions) {
            TestTopics topics = new TestTopics(KAFKA.uniqueName("calls.audio"), KAFKA.uniqueName("calls.dead-letter"));
            KAFKA.createTopics(Map.of(topics.audio(), audioPartitions, topics.deadLetter(), 1));
            return topics;
        }
    }

    /** Every chunk committed on {@code topic} up to now. */
    private static List<ConsumerRecord<String, AudioChunk>> committedChunks(String topic) {
        return KAFKA.reader().allCommitted(topic, new StringDeserializer(), chunks(), TIMEOUT);
    }

    /** Two files the connector rejects and two it must not touch (another extension, a hidden name). */
    private static void writeFilesToRejectOrSkip(Path directory) throws IOException {
        Files.writeString(directory.resolve("notes.wav"), "not a recording");
        Files.write(directory.resolve("pcm24.wav"), pcm24Header());
        Files.writeString(directory.resolve("notes.txt"), "not matched by file.pattern");
        Files.write(directory.resolve(".still-recording.wav"), WavWriter.encodeMonoPcm16(sine(8_000), 8_000));
    }

    /** Writes a mono PCM16 sine of {@code frames} frames and returns its audio as the connector will read it. */
    private static WavAudio writeTone(Path file, int frames, int sampleRateHz) throws IOException {
        Files.write(file, WavWriter.encodeMonoPcm16(sine(frames), sampleRateHz));
        return WavReader.read(file);
    }

    private static Deserializer<AudioChunk> chunks() {
        return Topics.AUDIO.valueSerde(registryConfig()).deserializer();
    }

    private static Map<String, String> registryConfig() {
        return Map.of("schema.registry.url", REGISTRY.registry().ccompatUrl());
    }

    private static int chunksOf(WavAudio audio, int chunkMs) {
        int framesPerChunk = audio.sampleRateHz() * chunkMs / 1000;
        return (audio.frameCount() + framesPerChunk - 1) / framesPerChunk;
    }

    private static float[] sine(int samples) {
        float[] wave = new float[samples];
        for (int i = 0; i < samples; i++) {
            wave[i] = (float) (0.5 * Math.sin(i * 0.07));
        }
        return wave;
    }

    /** A WAV header announcing 24-bit PCM, a format the connector does not read. */
    private static byte[] pcm24Header() {
        ByteBuffer header = ByteBuffer.allocate(44 + 6).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 6)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8_000).putInt(8_000 * 3)
                .putShort((short) 3).putShort((short) 24)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(6);
        return header.array();
    }

    private static List<String> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory, e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
