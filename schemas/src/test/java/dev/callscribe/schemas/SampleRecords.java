package dev.callscribe.schemas;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.CallMetadata;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Records and schemas the tests share: a realistic AudioChunk and a small schema lineage to evolve. */
public final class SampleRecords {

    /** Capture time used by {@link #audioChunk}; millisecond precision, as the schema stores it. */
    public static final Instant CAPTURED_AT = Instant.parse("2026-11-26T10:15:30.250Z");

    private SampleRecords() {
    }

    /** A mu-law stereo chunk with metadata and speaker labels: every kind of field the contract has. */
    public static AudioChunk audioChunk(String callId, long seq) {
        return AudioChunk.newBuilder()
                .setCallId(callId)
                .setSeq(seq)
                .setEncoding(AudioEncoding.MULAW)
                .setSampleRateHz(8000)
                .setChannels(2)
                .setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0x7f, 0x00, (byte) 0x80}))
                .setOffsetFrames(seq * 8000)
                .setLast(false)
                .setCapturedAt(CAPTURED_AT)
                .setSpeakers(List.of("agent", "customer"))
                .setMetadata(CallMetadata.newBuilder()
                        .setLanguageHint("en")
                        .setAgentId("agent-7")
                        .setQueue("billing")
                        .setAttributes(Map.of("site", "lisbon"))
                        .build())
                .build();
    }

    /** Version 1 of a small record: a call id and a duration. */
    public static Schema callV1() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.test").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .endRecord();
    }

    /** Version 2 adds a field with a default: BACKWARD compatible with v1. */
    public static Schema callV2() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.test").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .name("queue").type().stringType().stringDefault("unassigned")
                .endRecord();
    }

    /** Version 3 makes v2's queue required: it reads v2 data but not v1 data (BACKWARD, not transitively). */
    public static Schema callV3() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.test").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .requiredString("queue")
                .endRecord();
    }

    /** A version that adds a field without a default: a reader of it cannot read v1 data (not BACKWARD). */
    public static Schema callWithRequiredAgent() {
        return SchemaBuilder.record("Call").namespace("dev.callscribe.test").fields()
                .requiredString("callId")
                .requiredLong("durationMs")
                .requiredString("agentId")
                .endRecord();
    }
}
