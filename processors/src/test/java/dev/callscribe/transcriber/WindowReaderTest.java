package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.serde.ConfluentWireFormat;
import dev.callscribe.testkit.MockRegistryExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a consumed record: a window ready for the engine, or poison with the reason it is rejected. */
class WindowReaderTest {

    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    private static final Topic<AudioWindow> WINDOWS = Topics.WINDOWS;
    private static final int MAX_SAMPLES = 480_000;

    private Serde<AudioWindow> serde;
    private WindowReader reader;

    @BeforeEach
    void createReader() {
        serde = WINDOWS.valueSerde(Map.of("schema.registry.url", REGISTRY.url()));
        reader = new WindowReader(serde.deserializer(), MAX_SAMPLES);
    }

    @Test
    void shouldDecodeA16kHzPcmWindowToItsSamples() {
        float[] samples = {0.5f, -0.25f, 0.0f, 0.125f};

        AcceptedWindow window = accepted(Windows.window("call-1", 0, 0, Payloads.pcm16(samples)).build());

        assertThat(window.audio16k()).containsExactly(samples);
        assertThat(window.needsInference()).isTrue();
    }

    @Test
    void shouldResampleAn8kHzMuLawWindowTo16kHz() {
        AcceptedWindow window = accepted(Windows.window("call-1", 0, 0, Payloads.muLaw(new float[8_000]))
                .setEncoding(AudioEncoding.MULAW).setSampleRateHz(8_000).build());

        assertThat(window.audio16k()).hasSize(16_000);
    }

    @Test
    void shouldAcceptAWindowWithoutAudioWithoutLookingAtItsEncoding() {
        AcceptedWindow window = accepted(Windows.endMarker("call-1", 0, 3).setSampleRateHz(12_345).build());

        assertThat(window.needsInference()).isFalse();
        assertThat(window.window().getLast()).isTrue();
    }

    @Test
    void shouldRejectBytesThatAreNotInTheWireFormat() {
        RejectedRecord rejected = rejected(record("call-2", "plain text".getBytes(StandardCharsets.UTF_8)));

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(rejected.callId()).isEqualTo("call-2");
        assertThat(rejected.exceptionClass()).isEqualTo(SerializationException.class.getName());
    }

    @Test
    void shouldRejectAnAvroBodyThatDoesNotMatchItsSchema() {
        byte[] framed = serialize(Windows.window("call-2", 0, 0, new byte[16]).build());
        byte[] truncated = Arrays.copyOf(framed, ConfluentWireFormat.HEADER_LENGTH + 3);

        assertThat(rejected(record("call-2", truncated)).reason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
    }

    @Test
    void shouldRejectATombstone() {
        RejectedRecord rejected = rejected(record("call-2", null));

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(rejected.message()).contains("tombstone");
    }

    @Test
    void shouldRejectAnUnknownSchemaId() {
        byte[] unknown = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 1, 2};

        assertThat(rejected(record("call-2", unknown)).reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void shouldRejectAnUnsupportedSampleRate() {
        RejectedRecord rejected = rejected(Windows.window("call-3", 0, 0, new byte[400]).setSampleRateHz(12_345)
                .build());

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_SAMPLE_RATE);
        assertThat(rejected.message()).contains("12345");
        assertThat(rejected.callId()).isEqualTo("call-3");
    }

    @Test
    void shouldRejectNanSamples() {
        float[] samples = {0.1f, Float.NaN, 0.2f};

        RejectedRecord rejected = rejected(Windows.window("call-3", 0, 0, Payloads.float32(samples))
                .setEncoding(AudioEncoding.FLOAT32LE).build());

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.INVALID_SAMPLES);
        assertThat(rejected.message()).contains("NaN");
    }

    @Test
    void shouldRejectAPayloadThatIsNotAWholeNumberOfSamples() {
        RejectedRecord rejected = rejected(Windows.window("call-3", 0, 0, new byte[101]).build());

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.INVALID_SAMPLES);
    }

    @Test
    void shouldRejectAWindowLongerThanTheModelsWindow() {
        RejectedRecord rejected = rejected(Windows.window("call-3", 0, 0, new byte[(MAX_SAMPLES + 16) * 2]).build());

        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.OVERSIZE_CHUNK);
        assertThat(rejected.message()).contains("30.001 s", "30.000 s");
    }

    @Test
    void shouldThrowWhenTheRegistryCannotBeReachedRatherThanBlameTheRecord() {
        byte[] framed = serialize(Windows.window("call-4", 0, 0, new byte[16]).build());
        Serde<AudioWindow> unreachable = WINDOWS.valueSerde(Map.of("schema.registry.url", "http://127.0.0.1:1",
                "max.retries", "0", "http.connect.timeout.ms", "500"));
        WindowReader offline = new WindowReader(unreachable.deserializer(), MAX_SAMPLES);

        assertThatThrownBy(() -> offline.read(record("call-4", framed))).isInstanceOf(SerializationException.class);
    }

    private AcceptedWindow accepted(AudioWindow window) {
        Inbound inbound = reader.read(record(window.getCallId(), serialize(window)));
        assertThat(inbound).isInstanceOf(AcceptedWindow.class);
        return (AcceptedWindow) inbound;
    }

    private RejectedRecord rejected(AudioWindow window) {
        return rejected(record(window.getCallId(), serialize(window)));
    }

    private RejectedRecord rejected(ConsumerRecord<byte[], byte[]> record) {
        Inbound inbound = reader.read(record);
        assertThat(inbound).isInstanceOf(RejectedRecord.class);
        return (RejectedRecord) inbound;
    }

    private byte[] serialize(AudioWindow window) {
        return serde.serializer().serialize(WINDOWS.name(), window);
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(WINDOWS.name(), 0, 42, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
