package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.RegistryServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final RegistryServerExtension REGISTRY = new RegistryServerExtension();

    /** 29.25 s of a two-channel 8 kHz mu-law call: 30 chunks of 1 s, the last 0.25 s. */
    private static final Path CALL = Path.of("src/main/resources/dev/callscribe/demo/northwind-call-2ch-8k-ulaw.wav");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int USAGE_ERROR = 2;

    @TempDir
    Path dir;

    @Test
    void shouldPublishARecordingAsOneCallWhoseChunksAddUpToTheFile() throws IOException {
        // Given
        String topic = newTopic();
        WavAudio wav = WavReader.read(CALL);

        // When
        CommandRun output = CommandRun.main("publish", CALL.toString(), "--call-id", "northwind-1", "--speakers",
                "agent,customer", "--language", "en", "--progress", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--registry-url", REGISTRY.url(), "--topic", topic);

        // Then
        assertThat(output.status()).as(output.err()).isZero();
        List<AudioChunk> chunks = read(topic);
        assertThat(chunks).extracting(AudioChunk::getSeq).containsExactlyElementsOf(LongStream.range(0, 30).boxed()
                .toList());
        assertThat(concatenatedPayload(chunks)).isEqualTo(wav.payload());
        assertThat(chunks).extracting(AudioChunk::getLast).containsOnlyOnce(true).last().isEqualTo(true);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getCallId()).isEqualTo("northwind-1");
            assertThat(chunk.getEncoding()).isEqualTo(AudioEncoding.MULAW);
            assertThat(chunk.getSampleRateHz()).isEqualTo(8_000);
            assertThat(chunk.getChannels()).isEqualTo(2);
            assertThat(chunk.getOffsetFrames()).isEqualTo(chunk.getSeq() * 8_000);
            assertThat(chunk.getSpeakers()).containsExactly("agent", "customer");
        });
        assertThat(chunks.get(0).getMetadata().getLanguageHint()).isEqualTo("en");
        assertThat(chunks.get(1).getMetadata()).isNull();
        assertThat(output.out()).startsWith("call northwind-1: 30 chunks, 29.2 s" + System.lineSeparator()
                + "published 30 chunks of 1 call(s) (29.2 s of audio, 468.0 kB) to " + topic + " in ");
        assertThat(output.err()).contains("100%  30/30 chunks sent, 30 acknowledged  1/1 calls sent");
    }

    @Test
    void shouldReplayOneFileAsManyConcurrentCallsWithDistinctIds() throws IOException {
        String topic = newTopic();
        WavAudio wav = WavReader.read(CALL);

        CommandRun output = CommandRun.main("publish", CALL.toString(), "--calls", "3", "--call-id", "load",
                "--chunk-length", "5", "--bootstrap-servers", KAFKA.bootstrapServers(), "--registry-url",
                REGISTRY.url(), "--topic", topic);

        assertThat(output.status()).as(output.err()).isZero();
        Map<String, List<AudioChunk>> byCall = read(topic).stream()
                .collect(Collectors.groupingBy(chunk -> chunk.getCallId()));
        assertThat(byCall).containsOnlyKeys("load-0001", "load-0002", "load-0003");
        assertThat(byCall.values()).allSatisfy(call -> {
            assertThat(call).extracting(AudioChunk::getSeq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(concatenatedPayload(call)).isEqualTo(wav.payload());
        });
        assertThat(output.out()).contains("call load-0002: 6 chunks, 29.2 s", "published 18 chunks of 3 call(s)");
    }

    @Test
    void shouldPaceHeaderlessAudioInRealTimeAndStampEachChunkWithItsCaptureTime() throws IOException {
        // Given 0.3 s of mono 8 kHz mu-law without a header
        String topic = newTopic();
        Path raw = Files.write(dir.resolve("live.ulaw"), new byte[2_400]);

        // When
        long started = System.nanoTime();
        CommandRun output = CommandRun.main("publish", raw.toString(), "--encoding", "ulaw", "--rate", "8000",
                "--realtime", "--chunk-length", "0.1", "--call-id", "live-1", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", REGISTRY.url(), "--topic", topic);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then chunk k is sent when its audio ends: 100, 200 and 300 ms after the start
        assertThat(output.status()).as(output.err()).isZero();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        List<Instant> captured = read(topic).stream().map(AudioChunk::getCapturedAt).toList();
        assertThat(captured).hasSize(3);
        // capturedAt is written in whole milliseconds, so each gap may be a millisecond off.
        assertThat(Duration.between(captured.get(0), captured.get(1)).toMillis()).isBetween(99L, 101L);
        assertThat(Duration.between(captured.get(0), captured.get(2)).toMillis()).isBetween(199L, 201L);
    }

    @Test
    void shouldTakeItsConfigurationFromTheEnvironmentAndAFileAsRunDoes() throws IOException {
        String topic = newTopic();
        Path config = Files.writeString(dir.resolve("publish.properties"), "schema.registry.url=" + REGISTRY.url()
                + "\ntopic.calls.audio=" + topic + "\n");
        Map<String, String> environment = Map.of("CALLSCRIBE_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers());

        CommandRun output = CommandRun.command(new PublishCommand(environment), CALL.toString(), "--config",
                config.toString(), "--call-id", "configured-1", "--chunk-length", "10");

        assertThat(output.status()).as(output.err()).isZero();
        assertThat(read(topic)).extracting(chunk -> chunk.getCallId()).containsOnly("configured-1")
                .hasSize(3);
    }

    @Test
    void shouldNameCallsAfterTheirFileWithARunTagByDefault() throws IOException {
        String topic = newTopic();

        CommandRun output = CommandRun.main("publish", CALL.toString(), "--chunk-length", "10", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", REGISTRY.url(), "--topic", topic);

        assertThat(output.status()).as(output.err()).isZero();
        assertThat(read(topic)).extracting(chunk -> chunk.getCallId())
                .allMatch(id -> id.matches("northwind-call-2ch-8k-ulaw-[0-9a-f]{8}"));
    }

    @Test
    void shouldRefuseAnInMemoryRegistryBeforeSendingAnything() {
        // Given a topic, and a registry that exists only inside the publishing process
        String topic = newTopic();

        // When
        CommandRun output = CommandRun.main("publish", CALL.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", "mock://callscribe", "--topic", topic);

        // Then it says why in one line, and nothing reached the topic
        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).startsWith("callscribe publish: schema.registry.url=mock://callscribe names an "
                + "in-memory registry inside this process").hasLineCount(1);
        assertThat(read(topic)).isEmpty();
    }

    @Test
    void shouldFailSayingWhichFileDoesNotExist() {
        Path missing = dir.resolve("missing.wav");

        CommandRun output = CommandRun.main("publish", missing.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).isEqualTo("callscribe publish: cannot read " + missing + ": no such file"
                + System.lineSeparator());
    }

    @Test
    void shouldFailSayingWhatIsWrongWithAFileThatIsNotAudio() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "call notes");

        CommandRun output = CommandRun.main("publish", notes.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).startsWith("callscribe publish: " + notes + ": not a WAV or FLAC file (it starts "
                + "with bytes 63 61 6c 6c)").hasLineCount(1);
    }

    @Test
    void shouldRefuseASampleRateThePipelineDoesNotTakeBeforeSendingAnything() throws IOException {
        String topic = newTopic();
        Path odd = Files.write(dir.resolve("odd-rate.wav"), WavWriter.encodeMonoPcm16(new float[1_200], 12_000));

        CommandRun output = CommandRun.main("publish", CALL.toString(), odd.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", REGISTRY.url(), "--topic", topic);

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).isEqualTo("callscribe publish: " + odd + ": sample rate 12000 Hz is not one the "
                + "pipeline takes; supported: [8000, 11025, 16000, 22050, 32000, 44100, 48000] Hz (resample the "
                + "file first)" + System.lineSeparator());
        assertThat(read(topic)).isEmpty();
    }

    @Test
    void shouldRefuseSpeakerLabelsThatDoNotMatchTheChannels() {
        CommandRun output = CommandRun.main("publish", CALL.toString(), "--speakers", "agent", "--bootstrap-servers",
                KAFKA.bootstrapServers());

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).isEqualTo("callscribe publish: northwind-call-2ch-8k-ulaw.wav has 2 channel(s) "
                + "but 1 speaker label(s) were given [agent]; give one label per channel" + System.lineSeparator());
    }

    @Test
    void shouldSayWhichChunkTheProducerRefused() throws IOException {
        String topic = newTopic();

        CommandRun output = CommandRun.main("publish", CALL.toString(), "--call-id", "big-1", "--set",
                "max.request.size=1000", "--bootstrap-servers", KAFKA.bootstrapServers(), "--registry-url",
                REGISTRY.url(), "--topic", topic);

        assertThat(output.status()).isEqualTo(Main.FAILURE);
        assertThat(output.err()).startsWith("callscribe publish: cannot publish chunk 0 of call big-1 to " + topic
                + ": The message is ").contains("max.request.size").hasLineCount(1);
    }

    @Test
    void shouldExplainOptionsThatDoNotFitTogetherWithAUsageError() {
        CommandRun noCalls = CommandRun.main("publish", CALL.toString(), "--calls", "0");
        CommandRun rateWithoutEncoding = CommandRun.main("publish", CALL.toString(), "--rate", "8000");
        CommandRun unknownEncoding = CommandRun.main("publish", CALL.toString(), "--encoding", "opus", "--rate",
                "8000");

        assertThat(noCalls.status()).isEqualTo(USAGE_ERROR);
        assertThat(noCalls.err()).startsWith("--calls must be at least 1, got 0");
        assertThat(rateWithoutEncoding.status()).isEqualTo(USAGE_ERROR);
        assertThat(rateWithoutEncoding.err()).startsWith("--rate and --channels describe headerless audio: give "
                + "--encoding too");
        assertThat(unknownEncoding.status()).isEqualTo(USAGE_ERROR);
        assertThat(unknownEncoding.err()).startsWith("unknown sample encoding 'opus', expected one of");
    }

    @Test
    void shouldBeListedAmongTheCommands() {
        CommandRun output = CommandRun.main("--help");

        assertThat(output.out()).containsPattern("(?m)^\\s+publish\\s+Publish recordings to calls.audio");
    }

    private static String newTopic() {
        String topic = KAFKA.uniqueName("publish-audio");
        KAFKA.createTopic(topic, 3);
        return topic;
    }

    /** Every chunk on the topic, in partition order; one call's chunks share a partition, so they are in seq order. */
    private static List<AudioChunk> read(String topic) {
        Deserializer<AudioChunk> values = Topics.AUDIO.valueSerde(Map.of("schema.registry.url", REGISTRY.url()))
                .deserializer();
        List<ConsumerRecord<String, AudioChunk>> records = KAFKA.reader()
                .allCommitted(topic, new StringDeserializer(), values, TIMEOUT);
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(
                record.value().getCallId()));
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toCollection(ArrayList::new));
    }

    private static byte[] concatenatedPayload(List<AudioChunk> chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chunks.stream().map(AudioChunk::getPayload).forEach(payload -> {
            byte[] copy = new byte[payload.remaining()];
            payload.duplicate().get(copy);
            bytes.writeBytes(copy);
        });
        return bytes.toByteArray();
    }
}
