package dev.callscribe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.schemas.SampleRecords;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.InMemorySchemaRegistry;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import dev.callscribe.schemas.registry.NotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String SCOPE = AvroSerdeTest.class.getSimpleName();
    private static final String TOPIC = "calls.test";

    private final InMemorySchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldRoundTripAnAudioChunkWithoutTheTrustedPackagesProperty() {
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).isNull();
        AudioChunk chunk = SampleRecords.audioChunk("call-1", 7);

        try (Serde<AudioChunk> serde = Topics.AUDIO.valueSerde(config())) {
            byte[] bytes = serde.serializer().serialize(Topics.AUDIO.name(), chunk);
            AudioChunk read = serde.deserializer().deserialize(Topics.AUDIO.name(), bytes);

            assertThat(read).isEqualTo(chunk);
            assertThat(read.getCapturedAt()).isEqualTo(SampleRecords.CAPTURED_AT);
        }
    }

    @Test
    void shouldRegisterTheValueSchemaUnderTheTopicValueSubject() {
        try (Serde<AudioChunk> serde = Topics.AUDIO.valueSerde(config())) {
            byte[] bytes = serde.serializer().serialize(Topics.AUDIO.name(), SampleRecords.audioChunk("c", 0));

            int id = ConfluentWireFormat.schemaId(bytes);
            assertThat(registry.getSubjects()).containsExactly("calls.audio-value");
            assertThat(registry.getLatest("calls.audio-value").id()).isEqualTo(id);
            assertThat(registry.getSchemaById(id)).isEqualTo(AudioChunk.getClassSchema());
        }
    }

    @Test
    void shouldWriteAndReadNullAsNull() {
        try (Serde<AudioChunk> serde = Topics.AUDIO.valueSerde(config())) {
            assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
            assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        }
    }

    @Test
    void shouldReadRecordsWrittenWithAnOlderSchemaThroughANewerReaderSchema() {
        // Given a record written with v1
        byte[] bytes = genericSerializer(config()).serialize(TOPIC, callV1("call-9", 1200));

        // When a consumer reads it with v2, which added a field with a default
        AvroDeserializer<GenericRecord> reader = AvroDeserializer.generic(SampleRecords.callV2());
        reader.configure(config(), false);
        GenericRecord read = reader.deserialize(TOPIC, bytes);

        // Then the old fields come through and the new one takes its default
        assertThat(read.getSchema()).isEqualTo(SampleRecords.callV2());
        assertThat(read.get("callId")).hasToString("call-9");
        assertThat(read.get("durationMs")).isEqualTo(1200L);
        assertThat(read.get("queue")).hasToString("unassigned");
    }

    @Test
    void shouldRefuseToWriteAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        Map<String, Object> config = config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);

        assertThatThrownBy(() -> genericSerializer(config).serialize(TOPIC, callV1("c", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'calls.test-value'")
                .hasRootCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldWriteWithTheLatestRegisteredVersionWhenConfigured() {
        // Given v2 registered ahead of time, and a producer still building v1 records
        int v2Id = registry.register(TOPIC + "-value", SampleRecords.callV2());
        Map<String, Object> config = config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false,
                AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);

        // When
        byte[] bytes = genericSerializer(config).serialize(TOPIC, callV1("c-2", 50));

        // Then the record is converted to v2 and labelled with v2's id
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(v2Id);
        GenericRecord read = genericDeserializer(config()).deserialize(TOPIC, bytes);
        assertThat(read.getSchema()).isEqualTo(SampleRecords.callV2());
        assertThat(read.get("queue")).hasToString("unassigned");
    }

    @Test
    void shouldRefuseARecordTheLatestVersionCannotRead() {
        registry.setCompatibility(TOPIC + "-value", CompatibilityLevel.NONE);
        registry.register(TOPIC + "-value", SampleRecords.callWithRequiredAgent());
        Map<String, Object> config = config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false,
                AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);

        assertThatThrownBy(() -> genericSerializer(config).serialize(TOPIC, callV1("c", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("latest.compatibility.strict=true")
                .hasMessageContaining("agentId");
    }

    @Test
    void shouldFailClearlyOnAnUnknownSchemaId() {
        byte[] bytes = {0x00, 0x00, 0x00, 0x03, (byte) 0xe7, 0x02, 0x61};

        assertThatThrownBy(() -> genericDeserializer(config()).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 999")
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldFailClearlyOnATruncatedPayload() {
        byte[] whole = genericSerializer(config()).serialize(TOPIC, callV1("call-with-a-long-id", 5));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 4);

        assertThatThrownBy(() -> genericDeserializer(config()).deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not decode with its writer schema");
    }

    @Test
    void shouldNameBothSchemasWhenARecordIsOfAnotherSchemaThanTheReaders() {
        // Given a record of another schema, registered in the registry, so its header and bytes are sound
        byte[] bytes = genericSerializer(config()).serialize(TOPIC, callV1("call-7", 1200));

        AvroDeserializer<AudioChunk> chunks = AvroDeserializer.specific(AudioChunk.class);
        chunks.configure(config(), false);

        // When an AudioChunk reader reads it, Then the failure says what it is, not that its bytes are damaged
        assertThatThrownBy(() -> chunks.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is of schema " + SampleRecords.callV1().getFullName())
                .hasMessageContaining("not dev.callscribe.avro.AudioChunk")
                .hasMessageNotContaining("does not decode");
    }

    @Test
    void shouldReadIntoTheWriterNamedClassWithTheSpecificReaderSetting() throws IOException {
        // Given an AudioChunk written as a GenericRecord (by a producer without our generated classes)
        AudioChunk chunk = SampleRecords.audioChunk("call-3", 2);
        byte[] bytes = genericSerializer(config()).serialize(TOPIC, asGenericRecord(chunk));

        // When read by a deserializer created by class name with specific.avro.reader=true
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);

        // Then
        assertThat(deserializer.deserialize(TOPIC, bytes)).isInstanceOf(AudioChunk.class).isEqualTo(chunk);
    }

    @Test
    void shouldRefuseAnObjectThatIsNotAnAvroRecord() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(config(), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain text"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got a java.lang.String");
    }

    @Test
    void shouldRefuseARecordThatBreaksItsOwnSchema() {
        GenericRecord incomplete = new GenericData.Record(SampleRecords.callV1());
        incomplete.put("durationMs", 3L);

        assertThatThrownBy(() -> genericSerializer(config()).serialize(TOPIC, incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("callId");
    }

    @Test
    void shouldRejectUseLatestVersionWithAutoRegister() {
        assertThatThrownBy(() -> new AvroSerdeConfig(config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use.latest.version=true")
                .hasMessageContaining("auto.register.schemas=false");
    }

    private Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "mock://" + SCOPE);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static AvroSerializer<GenericRecord> genericSerializer(Map<String, Object> config) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    private static AvroDeserializer<GenericRecord> genericDeserializer(Map<String, Object> config) {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(config, false);
        return deserializer;
    }

    private static GenericRecord asGenericRecord(AudioChunk chunk) throws IOException {
        AvroClassTrust.install();
        ByteBuffer encoded = chunk.toByteBuffer();
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(AudioChunk.getClassSchema());
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        // toByteBuffer writes Avro's single-object encoding: a 10-byte header, then the binary datum
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, null));
    }

    private static GenericRecord callV1(String callId, long durationMs) {
        Schema schema = SampleRecords.callV1();
        GenericRecord call = new GenericData.Record(schema);
        call.put("callId", callId);
        call.put("durationMs", durationMs);
        return call;
    }
}
