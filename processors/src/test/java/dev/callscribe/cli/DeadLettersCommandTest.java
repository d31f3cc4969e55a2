package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.deadletters.DeadLetterReplay;
import dev.callscribe.pipeline.DeadLetters;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.RegistryServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeadLettersCommandTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final RegistryServerExtension REGISTRY = new RegistryServerExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long FAILED_AT_MS = 1_765_000_000_000L;

    private String deadLetters;
    private String audio;

    @BeforeEach
    void givenADeadLetterTopicWithThreeLetters() {
        deadLetters = KAFKA.uniqueName("dead-letters");
        audio = KAFKA.uniqueName("audio");
        KAFKA.createTopics(Map.of(deadLetters, 1, audio, 1));
        write(letter("call-1", 7, DeadLetterReason.UNKNOWN_SCHEMA_ID, "schema id 99 is not in the registry",
                        "chunk-7"),
                letter("call-2", 3, DeadLetterReason.OVERSIZE_CHUNK, "chunk of 12000 ms, more than 10000 ms",
                        "chunk-3"),
                letter("call-1", 8, DeadLetterReason.UNKNOWN_SCHEMA_ID, "schema id 99 is not in the registry", null));
    }

    @Test
    void shouldListEachLetterOnOneLineAndSayHowManyMatched() {
        CommandRun run = CommandRun.main(arguments("list", "--reason", "UNKNOWN_SCHEMA_ID"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "2025-12-06T05:46:40Z segmenter UNKNOWN_SCHEMA_ID " + audio + "-0@7 call call-1: schema id 99 is not "
                        + "in the registry",
                "2025-12-06T05:46:40Z segmenter UNKNOWN_SCHEMA_ID " + audio + "-0@8 call call-1: schema id 99 is not "
                        + "in the registry");
        assertThat(run.err()).isEqualTo("2 of 3 dead letters on " + deadLetters + " matched"
                + System.lineSeparator());
    }

    @Test
    void shouldListEveryFieldAsJsonWithTheOriginalBytesInBase64() throws Exception {
        CommandRun run = CommandRun.main(arguments("list", "--json", "--call-id", "call-2"));

        JsonNode letter = new ObjectMapper().readTree(run.out());
        assertThat(letter.get("position").asText()).isEqualTo(deadLetters + "-0@1");
        assertThat(letter.get("reason").asText()).isEqualTo("OVERSIZE_CHUNK");
        assertThat(letter.get("sourceOffset").asLong()).isEqualTo(3);
        assertThat(letter.get("value").binaryValue()).isEqualTo("chunk-3".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSendTheRecordsBackToTheirSourceTopicByteForByte() {
        // When the UNKNOWN_SCHEMA_ID letters are replayed (one of them has no record to send)
        CommandRun run = CommandRun.main(arguments("replay", "--reason", "UNKNOWN_SCHEMA_ID"));

        // Then the one with a record went back, with its key, its bytes and where it came from
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("replayed 1 of 2 matching dead letters {" + audio + "=1}; 1 without their "
                + "original record" + System.lineSeparator());
        List<ConsumerRecord<byte[], byte[]>> replayed = audioRecords();
        assertThat(replayed).singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("call-1");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("chunk-7");
            assertThat(new String(record.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo(deadLetters + "-0@0");
        });
    }

    @Test
    void shouldOnlySayWhatItWouldReplayOnADryRun() {
        CommandRun run = CommandRun.main(arguments("replay", "--dry-run", "--call-id", "call-2"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("would replay 2025-12-06T05:46:40Z segmenter OVERSIZE_CHUNK")
                .endsWith("would replay 1 of 1 matching dead letters" + System.lineSeparator());
        assertThat(audioRecords()).isEmpty();
    }

    @Test
    void shouldRefuseAReasonThatDoesNotExistListingTheValidOnes() {
        CommandRun run = CommandRun.main(arguments("list", "--reason", "BAD_MOOD"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("BAD_MOOD", "UNKNOWN_SCHEMA_ID", "OVERSIZE_CHUNK");
    }

    private String[] arguments(String subcommand, String... more) {
        List<String> all = new ArrayList<>(List.of("dead-letters", subcommand, "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", REGISTRY.url(), "--set",
                "topic.calls.dead-letter=" + deadLetters));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private DeadLetter letter(String callId, long offset, DeadLetterReason reason, String message, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        return DeadLetters.of(new RecordSource(audio, 0, offset, callId, callId.getBytes(StandardCharsets.UTF_8),
                bytes, FAILED_AT_MS), "segmenter", reason, message, (String) null);
    }

    private void write(DeadLetter... letters) {
        Serializer<DeadLetter> values = Topics.DEAD_LETTER.valueSerde(Map.of("schema.registry.url", REGISTRY.url()))
                .serializer();
        try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(KAFKA.clientConfig(),
                new StringSerializer(), values)) {
            for (DeadLetter letter : letters) {
                producer.send(new ProducerRecord<>(deadLetters, letter.getCallId(),
                        letter));
            }
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> audioRecords() {
        return KAFKA.reader().allCommitted(audio, new ByteArrayDeserializer(), new ByteArrayDeserializer(), TIMEOUT);
    }
}
