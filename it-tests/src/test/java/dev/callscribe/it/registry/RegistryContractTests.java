package dev.callscribe.it.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.it.support.TestRecords;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.IncompatibleSchemaException;
import dev.callscribe.schemas.registry.NotFoundException;
import dev.callscribe.schemas.registry.RegisteredSchema;
import dev.callscribe.schemas.registry.RestSchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import dev.callscribe.schemas.serde.AvroDeserializer;
import dev.callscribe.schemas.serde.AvroSerdeConfig;
import dev.callscribe.schemas.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * Our registry client and serde against a real Schema Registry over HTTP: Apicurio's Confluent-compatible API in a
 * child JVM, and the registry {@code callscribe run --embedded} serves. Subclasses name the registry; every test uses
 * subjects of its own, so tests share one server.
 */
abstract class RegistryContractTests {

    /** The {@code schema.registry.url} of the registry under test. */
    abstract String registryUrl();

    private final String topic = "it-" + UUID.randomUUID();
    private final String subject = topic + "-value";

    @Test
    void shouldRegisterLookUpAndFetchById() {
        SchemaRegistryClient client = client();

        int id = client.register(subject, TestRecords.callV1());

        assertThat(fresh().getSchemaById(id)).isEqualTo(TestRecords.callV1());
        assertThat(fresh().getId(subject, TestRecords.callV1())).isEqualTo(id);
        assertThat(fresh().getLatest(subject)).isEqualTo(new RegisteredSchema(subject, 1, id, TestRecords.callV1()));
        assertThat(fresh().getSubjects()).contains(subject);
    }

    @Test
    void shouldCountVersionsAsACompatibleSchemaEvolves() {
        client().register(subject, TestRecords.callV1());
        int v2 = client().register(subject, TestRecords.callV2());

        assertThat(fresh().getVersions(subject)).containsExactly(1, 2);
        assertThat(fresh().getVersion(subject, 2).id()).isEqualTo(v2);
        assertThat(fresh().getVersion(subject, 1).schema()).isEqualTo(TestRecords.callV1());
    }

    @Test
    void shouldRejectAnIncompatibleChangeWithAClearError() {
        SchemaRegistryClient client = client();
        client.register(subject, TestRecords.callV1());
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.testCompatibility(subject, TestRecords.callWithRequiredAgent()).compatible()).isFalse();
        assertThat(client.testCompatibility(subject, TestRecords.callV2()).compatible()).isTrue();
        assertThatThrownBy(() -> client.register(subject, TestRecords.callWithRequiredAgent()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining(subject);
    }

    @Test
    void shouldReadOldRecordsWithANewerReaderSchema() {
        // Given a producer that wrote a v1 record, then a schema change registered for the subject
        byte[] written = serializer(serdeConfig()).serialize(topic, TestRecords.callV1Record("call-1", 900));
        client().register(subject, TestRecords.callV2());

        // When a consumer built against v2 reads the old record
        AvroDeserializer<GenericRecord> reader = AvroDeserializer.generic(TestRecords.callV2());
        reader.configure(serdeConfig(), false);
        GenericRecord read = reader.deserialize(topic, written);

        // Then
        assertThat(read.get("callId")).hasToString("call-1");
        assertThat(read.get("durationMs")).isEqualTo(900L);
        assertThat(read.get("queue")).hasToString("unassigned");
    }

    @Test
    void shouldWriteWithTheLatestVersionRegisteredAheadOfTime() {
        int v2 = client().register(subject, TestRecords.callV2());
        Map<String, Object> config = serdeConfig();
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
        config.put(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);

        byte[] written = serializer(config).serialize(topic, TestRecords.callV1Record("call-2", 1));

        assertThat(TestRecords.schemaIdOf(written)).isEqualTo(v2);
        assertThat(fresh().getVersions(subject)).containsExactly(1);
    }

    @Test
    void shouldRoundTripTheContractsOwnRecordsThroughTheRegistry() {
        AudioChunk chunk = TestRecords.audioChunk("call-3", 4);

        try (Serde<AudioChunk> serde = Topics.AUDIO.withName(topic).valueSerde(serdeConfig())) {
            byte[] bytes = serde.serializer().serialize(topic, chunk);

            assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(chunk);
            assertThat(fresh().getLatest(subject).schema()).isEqualTo(AudioChunk.getClassSchema());
        }
    }

    @Test
    void shouldReportAnUnknownSchemaIdWhenDeserializing() {
        byte[] unknown = {0x00, 0x7f, 0x00, 0x00, 0x01, 0x02};
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(serdeConfig(), false);

        assertThatThrownBy(() -> deserializer.deserialize(topic, unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 2130706433")
                .hasCauseInstanceOf(NotFoundException.class);
    }

    private SchemaRegistryClient client() {
        return SchemaRegistryClients.create(serdeConfig());
    }

    /** A client with empty caches, so answers come from the server. */
    private RestSchemaRegistryClient fresh() {
        return new RestSchemaRegistryClient(new AvroSerdeConfig(serdeConfig()));
    }

    private Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registryUrl());
        return config;
    }

    private static AvroSerializer<GenericRecord> serializer(Map<String, Object> config) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }
}
