package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.MockRegistryExtension;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Output records keyed by call id, and dead letters kept small enough to produce. */
class OutputRecordsTest {

    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    @Test
    void shouldKeepTheOriginalValueOfADeadLetterUnderTheLimit() {
        ProducerRecord<String, byte[]> record = output(10_000).deadLetter(deadLetter(new byte[1_000]));

        DeadLetter read = read(record);
        assertThat(record.key()).isEqualTo("call-1");
        assertThat(read.getValue().remaining()).isEqualTo(1_000);
    }

    @Test
    void shouldLeaveOutTheValueOfADeadLetterThatWouldBeTooLargeAndSayWhereItIs() {
        ProducerRecord<String, byte[]> record = output(10_000).deadLetter(deadLetter(new byte[20_000]));

        DeadLetter read = read(record);
        assertThat(record.value().length).isLessThan(10_000);
        assertThat(read.getValue()).isNull();
        assertThat(read.getKey()).isNotNull();
        assertThat(read.getMessage()).contains("20000 bytes, is left out", "calls.windows partition 2 offset 77");
    }

    private OutputRecords output(int maxValueBytes) {
        return new OutputRecords(Topics.WINDOW_TRANSCRIPTS, Topics.DEAD_LETTER,
                Map.of("schema.registry.url", REGISTRY.url()), maxValueBytes);
    }

    private static DeadLetter deadLetter(byte[] value) {
        return DeadLetter.newBuilder()
                .setSourceTopic("calls.windows")
                .setSourcePartition(2)
                .setSourceOffset(77)
                .setStage(Transcriber.ROLE)
                .setReason(DeadLetterReason.OVERSIZE_CHUNK)
                .setMessage("too long")
                .setCallId("call-1")
                .setKey(ByteBuffer.wrap(new byte[] {'c'}))
                .setValue(ByteBuffer.wrap(value))
                .setExceptionClass(null)
                .setFailedAt(Instant.parse("2026-11-26T10:00:00Z"))
                .build();
    }

    private static DeadLetter read(ProducerRecord<String, byte[]> record) {
        Deserializer<DeadLetter> deserializer = Topics.DEAD_LETTER
                .valueSerde(Map.of("schema.registry.url", REGISTRY.url())).deserializer();
        return deserializer.deserialize(record.topic(), record.value());
    }
}
