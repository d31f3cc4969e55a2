package dev.callscribe.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.it.support.ApicurioRegistryExtension;
import dev.callscribe.it.support.TestRecords;
import dev.callscribe.schemas.serde.AvroDeserializer;
import dev.callscribe.schemas.serde.AvroSerializer;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bytes our serializer writes are the Confluent wire format: decoders that share no code with ours read them,
 * and we read what another implementation writes in that format. Apicurio's serdes are those of its 2.6 line, so
 * this runs against the 2.6 server.
 */
class WireCompatibilityTest {

    @RegisterExtension
    static final ApicurioRegistryExtension APICURIO = ApicurioRegistryExtension.v2();

    private final String topic = "wire-" + UUID.randomUUID();

    @Test
    void shouldWriteBytesThatPlainAvroDecodesAfterTheHeader() throws Exception {
        // Given an AudioChunk written by our serializer
        AudioChunk chunk = TestRecords.audioChunk("call-plain", 3);
        byte[] bytes = ourSerializer().serialize(topic, chunk);

        // When decoded by hand: magic byte, big-endian id, writer schema fetched with a plain HTTP GET, Avro binary
        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = new Schema.Parser().parse(fetchSchemaText(id));
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        // Then
        assertThat(decoded.get("callId")).hasToString("call-plain");
        assertThat(decoded.get("seq")).isEqualTo(3L);
        assertThat(decoded.get("encoding")).hasToString("ALAW");
        assertThat(decoded.get("capturedAt")).isEqualTo(chunk.getCapturedAt().toEpochMilli());
        assertThat(decoded.get("payload")).isEqualTo(chunk.getPayload());
    }

    @Test
    void shouldWriteBytesThatApicuriosConfluentModeDeserializerReads() {
        AudioChunk chunk = TestRecords.audioChunk("call-apicurio", 5);
        byte[] bytes = ourSerializer().serialize(topic, chunk);

        try (AvroKafkaDeserializer<GenericRecord> apicurio = new AvroKafkaDeserializer<>()) {
            apicurio.configure(apicurioConfig(), false);
            GenericRecord read = apicurio.deserialize(topic, new RecordHeaders(), bytes);

            assertThat(read.get("callId")).hasToString("call-apicurio");
            assertThat(read.get("seq")).isEqualTo(5L);
            assertThat(read.get("speakers").toString()).isEqualTo("[agent, customer]");
        }
    }

    @Test
    void shouldReadBytesThatApicuriosConfluentModeSerializerWrites() {
        GenericRecord call = TestRecords.callV1Record("call-from-apicurio", 4200);
        byte[] bytes;
        try (AvroKafkaSerializer<GenericRecord> apicurio = new AvroKafkaSerializer<>()) {
            Map<String, Object> config = apicurioConfig();
            config.put("apicurio.registry.auto-register", true);
            apicurio.configure(config, false);
            bytes = apicurio.serialize(topic, new RecordHeaders(), call);
        }

        AvroDeserializer<GenericRecord> ours = new AvroDeserializer<>();
        ours.configure(Map.of("schema.registry.url", APICURIO.registry().ccompatUrl()), false);
        GenericRecord read = ours.deserialize(topic, bytes);

        assertThat(bytes[0]).isZero();
        assertThat(read.get("callId")).hasToString("call-from-apicurio");
        assertThat(read.get("durationMs")).isEqualTo(4200L);
    }

    private static AvroSerializer<Object> ourSerializer() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", APICURIO.registry().ccompatUrl()), false);
        return serializer;
    }

    /** Apicurio 2.6's serdes in Confluent mode: no headers, a 4-byte content id after the magic byte. */
    private static Map<String, Object> apicurioConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", APICURIO.registry().registryV2Url());
        config.put("apicurio.registry.headers.enabled", false);
        config.put("apicurio.registry.as-confluent", true);
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
        return config;
    }

    private static String fetchSchemaText(int id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(APICURIO.registry().ccompatUrl() + "/schemas/ids/" + id)).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).get("schema").asText();
    }
}
