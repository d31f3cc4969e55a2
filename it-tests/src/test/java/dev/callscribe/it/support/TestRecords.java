package dev.callscribe.it.support;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.CallMetadata;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Records and a small schema lineage for the integration tests. */
public final class TestRecords {

    private TestRecords() {
    }

    /** A chunk with every kind of field the contract has: bytes, enum, timestamp, array, nested record, map. */
    public static AudioChunk audioChunk(String callId, long seq) {
        return AudioChunk.newBuilder()
                .setCallId(callId)
                .setSeq(seq)
                .setEncoding(AudioEncoding.ALAW)
                .setSampleRateHz(8000)
                .setChannels(2)
                .setPayload(ByteBuffer.wrap(new byte[] {0x55, (byte) 0xd5, 0x2a, (byte) 0xaa}))
                .setOffsetFrames(seq * 4000)
                .setLast(seq == 9)
                .setCapturedAt(Instant.parse("2026-11-26T09:00:00.125Z"))
                .setSpeakers(List.of("agent", "customer"))
                .setMetadata(CallMetadata.newBuilder().setLanguageHint("en").setQueue("claims")
                        .setAttributes(Map.of("region", "eu")).build())
                .build();
    }

    /** Version 1: call id and duration. */
    public static Schema callV1() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.it").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .endRecord();
    }

    /** Version 2 adds a field with a default: BACKWARD compatible. */
    public static Schema callV2() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.it").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .name("queue").type().stringType().stringDefault("unassigned")
                .endRecord();
    }

    /** Adds a field without a default: a reader of it cannot read v1 data. */
    public static Schema callWithRequiredAgent() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.it").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .requiredString("agentId")
                .endRecord();
    }

    /** A v1 record. */
    public static GenericRecord callV1Record(String callId, long durationMs) {
        GenericRecord call = new GenericData.Record(callV1());
        call.put("callId", callId);
        call.put("durationMs", durationMs);
        return call;
    }

    /** The schema id in a Confluent-framed record, read independently of the serde. */
    public static int schemaIdOf(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
