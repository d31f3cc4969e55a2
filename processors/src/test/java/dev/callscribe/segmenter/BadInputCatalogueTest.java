package dev.callscribe.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue: what the pipeline does with each kind of bad input on calls.audio. Every case sends its
 * bad input in the middle of a healthy call and checks the reason it is dead-lettered with (or that it is taken in,
 * where the contract allows it), and that the healthy call's windows are exactly those it gets alone and that its
 * combined FINAL comes out of the stitcher.
 */
class BadInputCatalogueTest {

    private static final String SCOPE = "bad-input-catalogue-test";
    private static final String HEALTHY = "call-healthy";
    private static final String BAD = "call-bad";
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    /** Agent talks at 1-3 s and 9-10 s; customer at 5-6 s; 14 s in all. */
    private static final float[] AGENT = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"),
            Placement.of(2, "world"), Placement.of(9, "thanks")), 14, 0);
    private static final float[] CUSTOMER = ORACLE.synthesizeRecording(List.of(Placement.of(5, "refund")), 14, 0);
    private static final List<AudioChunk> HEALTHY_CHUNKS = Chunks.pcm16(HEALTHY, new float[][] {AGENT, CUSTOMER},
            500, true);
    private static List<AudioWindow> healthyAlone;

    private SegmenterAndStitcher pipeline;

    @BeforeEach
    void start() {
        if (healthyAlone == null) {
            try (SegmenterAndStitcher alone = new SegmenterAndStitcher(SCOPE + "-alone", Map.of())) {
                alone.sendAll(HEALTHY_CHUNKS);
                healthyAlone = withoutEmissionTimes(alone.windows(HEALTHY));
            }
        }
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, "60000"));
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void shouldDeadLetterBytesNotInTheWireFormat() {
        besideAHealthyCall(() -> pipeline.send(BAD, "{\"callId\": \"call-bad\"}".getBytes()));

        assertDeadLettered(DeadLetterReason.UNDECODABLE_RECORD);
    }

    @Test
    void shouldDeadLetterANullValue() {
        besideAHealthyCall(() -> pipeline.send(BAD, null));

        assertDeadLettered(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("tombstone");
    }

    @Test
    void shouldDeadLetterAnUnknownSchemaId() {
        besideAHealthyCall(() -> pipeline.send(BAD, new byte[] {0, 0, 0, 0x03, (byte) 0xe7, 0x02, 0x61}));

        assertDeadLettered(DeadLetterReason.UNKNOWN_SCHEMA_ID);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("schema id 999");
    }

    @Test
    void shouldDeadLetterARecordOfAnotherSchemaNamingIt() {
        // a record of a schema the registry knows (a dead letter), sent to calls.audio by mistake
        DeadLetter letter = DeadLetter.newBuilder().setSourceTopic("x").setSourcePartition(0).setSourceOffset(0)
                .setStage("publish").setReason(DeadLetterReason.OTHER).setMessage("m").setFailedAt(Instant.EPOCH)
                .build();
        byte[] bytes = Topics.DEAD_LETTER.valueSerde(pipeline.serdes()).serializer()
                .serialize(Topics.DEAD_LETTER.name(), letter);

        besideAHealthyCall(() -> pipeline.send(BAD, bytes));

        assertDeadLettered(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(pipeline.deadLetters().get(0).getMessage())
                .contains("is of schema dev.callscribe.avro.DeadLetter", "not dev.callscribe.avro.AudioChunk")
                .doesNotContain("does not decode");
    }

    @Test
    void shouldDeadLetterAnEncodingThisSegmenterDoesNotKnow() {
        // a producer on a newer AudioChunk version whose AudioEncoding has a symbol this segmenter lacks
        Schema newer = new Schema.Parser().parse(AudioChunk.getClassSchema().toString()
                .replace("\"FLOAT32LE\"]", "\"FLOAT32LE\",\"OPUS\"]"));
        GenericRecord chunk = asVersion(chunk(BAD, 1), newer);
        chunk.put("encoding", new GenericData.EnumSymbol(newer.getField("encoding").schema(), "OPUS"));

        besideAHealthyCall(() -> pipeline.send(BAD, serializeGeneric(chunk)));

        assertDeadLettered(DeadLetterReason.UNSUPPORTED_ENCODING);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("encoding OPUS is not supported",
                "PCM_S16LE");
    }

    @Test
    void shouldDeadLetterASampleRateOfZeroNegativeOrAbsurd() {
        besideAHealthyCall(() -> {
            pipeline.send(AudioChunk.newBuilder(chunk("call-rate-0", 1)).setSampleRateHz(0).build());
            pipeline.send(AudioChunk.newBuilder(chunk("call-rate-negative", 1)).setSampleRateHz(-16_000).build());
            pipeline.send(AudioChunk.newBuilder(chunk("call-rate-absurd", 1)).setSampleRateHz(Integer.MAX_VALUE)
                    .build());
        });

        assertDeadLettered(DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, DeadLetterReason.UNSUPPORTED_SAMPLE_RATE,
                DeadLetterReason.UNSUPPORTED_SAMPLE_RATE);
    }

    @Test
    void shouldDeadLetterNoChannelsOrMoreThanTheMaximum() {
        besideAHealthyCall(() -> {
            pipeline.send(AudioChunk.newBuilder(chunk("call-no-channels", 1)).setChannels(0).build());
            pipeline.send(chunk("call-nine-channels", 9));
        });

        assertDeadLettered(DeadLetterReason.INVALID_CHUNK, DeadLetterReason.INVALID_CHUNK);
        assertThat(pipeline.deadLetters()).extracting(DeadLetter::getMessage)
                .allSatisfy(message -> assertThat(message).contains("outside 1..8"));
    }

    @Test
    void shouldDeadLetterAPayloadThatIsNotAWholeNumberOfFrames() {
        // two channels of 16-bit samples: 4-byte frames
        besideAHealthyCall(() -> pipeline.send(Chunks.chunk(BAD, 0, 0, new byte[322], AudioEncoding.PCM_S16LE,
                16_000, 2, true)));

        assertDeadLettered(DeadLetterReason.INVALID_CHUNK);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("not a whole number of 4-byte frames");
    }

    @Test
    void shouldDeadLetterAnOversizeChunk() {
        // 11 s of 8 kHz mu-law, over the 10 s segmenter.max.chunk.ms
        besideAHealthyCall(() -> pipeline.send(Chunks.chunk(BAD, 0, 0, new byte[88_000], AudioEncoding.MULAW,
                8_000, 1, true)));

        assertDeadLettered(DeadLetterReason.OVERSIZE_CHUNK);
    }

    @Test
    void shouldDeadLetterANegativeSeq() {
        besideAHealthyCall(() -> pipeline.send(Chunks.chunk(BAD, -1, 0, new byte[320], AudioEncoding.PCM_S16LE,
                16_000, 1, true)));

        assertDeadLettered(DeadLetterReason.INVALID_SEQ);
    }

    @Test
    void shouldDeadLetterADuplicateSeqAndFinishItsCall() {
        List<AudioChunk> bad = tone(BAD, 4);
        besideAHealthyCall(() -> {
            pipeline.send(bad.get(0));
            pipeline.send(bad.get(1));
            pipeline.send(bad.get(1));
            pipeline.sendAll(bad.subList(2, bad.size()));
        });

        assertDeadLettered(DeadLetterReason.DUPLICATE_SEQ);
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldDeadLetterASeqFarAheadOfItsAudioAndFinishItsCall() {
        // seq 1,000,000 right after seq 0, at the next frame: a million chunks cannot have held no audio. Held as an
        // early chunk instead, it would make the call skip to it and refuse every real chunk after.
        List<AudioChunk> bad = tone(BAD, 4);
        AudioChunk farAhead = AudioChunk.newBuilder(bad.get(1)).setSeq(1_000_000).build();
        besideAHealthyCall(() -> {
            pipeline.send(bad.get(0));
            pipeline.send(farAhead);
            pipeline.sendAll(bad.subList(1, bad.size()));
        });

        assertDeadLettered(DeadLetterReason.INVALID_SEQ);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("999999 chunks ahead");
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAChunkThatJumpsFurtherThanTheLongestGapFilled() {
        List<AudioChunk> bad = tone(BAD, 4);
        // an hour after the call's audio so far, and a first chunk an hour into its call: over segmenter.max.gap.ms
        long hour = 16_000L * 3_600;
        besideAHealthyCall(() -> {
            pipeline.send(AudioChunk.newBuilder(bad.get(0)).setCallId("call-late-start").setOffsetFrames(hour)
                    .build());
            pipeline.send(bad.get(0));
            pipeline.send(AudioChunk.newBuilder(bad.get(1)).setOffsetFrames(hour).build());
            pipeline.sendAll(bad.subList(1, bad.size()));
        });

        assertDeadLettered(DeadLetterReason.INVALID_CHUNK, DeadLetterReason.INVALID_CHUNK);
        assertThat(pipeline.deadLetters()).extracting(DeadLetter::getMessage)
                .allSatisfy(message -> assertThat(message).contains("at most 600000 ms is filled"));
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAChunkThatChangesItsCallsFormat() {
        List<AudioChunk> bad = tone(BAD, 4);
        besideAHealthyCall(() -> {
            pipeline.send(bad.get(0));
            pipeline.send(Chunks.chunk(BAD, 1, 1_600, new byte[160], AudioEncoding.MULAW, 8_000, 1, false));
            pipeline.sendAll(bad.subList(1, bad.size()));
        });

        assertDeadLettered(DeadLetterReason.INVALID_CHUNK);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("differs from the call's first chunk");
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldDeadLetterChunksAfterTheLast() {
        List<AudioChunk> bad = tone(BAD, 3);
        besideAHealthyCall(() -> {
            pipeline.sendAll(bad);
            pipeline.send(bad.get(1));
            pipeline.send(Chunks.chunk(BAD, 3, 4_800, new byte[3_200], AudioEncoding.PCM_S16LE, 16_000, 1, false));
        });

        assertDeadLettered(DeadLetterReason.LATE_CHUNK, DeadLetterReason.LATE_CHUNK);
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldTakeInAnEmptyPayloadWithoutADeadLetter() {
        // the contract allows an empty payload (an end marker, or a producer with nothing to send): it only counts
        List<AudioChunk> bad = new ArrayList<>(tone(BAD, 3));
        bad.set(2, AudioChunk.newBuilder(bad.get(2)).setLast(false).build());
        bad.add(1, Chunks.chunk(BAD, 1, 1_600, new byte[0], AudioEncoding.PCM_S16LE, 16_000, 1, false));
        bad.add(Chunks.chunk(BAD, 4, 4_800, new byte[0], AudioEncoding.PCM_S16LE, 16_000, 1, true));
        for (int seq = 2; seq < 4; seq++) {
            bad.set(seq, AudioChunk.newBuilder(bad.get(seq)).setSeq(seq).build());
        }

        besideAHealthyCall(() -> pipeline.sendAll(bad));

        assertDeadLettered();
        assertThat(pipeline.combinedFinals(BAD)).hasSize(1);
    }

    @Test
    void shouldDeadLetterNaNOrInfiniteFloatSamples() {
        besideAHealthyCall(() -> {
            pipeline.send(Chunks.chunk("call-nan", 0, 0, floats(0.1f, Float.NaN), AudioEncoding.FLOAT32LE, 16_000, 1,
                    true));
            pipeline.send(Chunks.chunk("call-infinite", 0, 0, floats(Float.NEGATIVE_INFINITY, 0f),
                    AudioEncoding.FLOAT32LE, 16_000, 1, true));
        });

        assertDeadLettered(DeadLetterReason.INVALID_SAMPLES, DeadLetterReason.INVALID_SAMPLES);
    }

    @Test
    void shouldDeadLetterAKeyThatDiffersFromTheCallIdOrIsNone() {
        byte[] chunk = pipeline.serialize(chunk(BAD, 1));
        besideAHealthyCall(() -> {
            pipeline.send("another-call", chunk);
            pipeline.send(null, chunk);
        });

        assertDeadLettered(DeadLetterReason.INVALID_CHUNK, DeadLetterReason.INVALID_CHUNK);
        assertThat(pipeline.deadLetters().get(0).getMessage()).contains("differs from callId");
    }

    @Test
    void shouldCloseACallThatNeverEndsByInactivityWithItsFinal() {
        List<AudioChunk> unended = Chunks.pcm16(BAD, new float[][] {AGENT, CUSTOMER}, 500, false);
        besideAHealthyCall(() -> pipeline.sendAll(unended));
        assertThat(pipeline.combinedFinals(BAD)).isEmpty();

        pipeline.advance(Duration.ofSeconds(61));

        assertDeadLettered();
        assertThat(pipeline.windows(BAD)).filteredOn(AudioWindow::getLast).extracting(AudioWindow::getChannel)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(pipeline.combinedFinals(BAD)).singleElement()
                .satisfies(last -> assertThat(last.getText()).isNotBlank());
        assertThat(pipeline.entries(SegmenterStores.AUDIO)).isZero();
    }

    @Test
    void shouldConsumeProducersOnTheCurrentSchemaAndOnOneWithAnAddedOptionalField() {
        Schema current = AudioChunk.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("codecProfile", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "added by a newer producer", Schema.Field.NULL_DEFAULT_VALUE));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                fields);
        List<AudioChunk> evolved = tone("call-newer-producer", 4);

        besideAHealthyCall(() -> {
            for (AudioChunk chunk : evolved) {
                GenericRecord record = asVersion(chunk, newer);
                record.put("codecProfile", "wideband");
                pipeline.send(chunk.getCallId(), serializeGeneric(record));
            }
        });

        assertDeadLettered();
        assertThat(pipeline.windows("call-newer-producer")).isNotEmpty();
        assertThat(pipeline.combinedFinals("call-newer-producer")).hasSize(1);
    }

    /** Sends the healthy call's first half, then the bad input, then its second half. */
    private void besideAHealthyCall(Runnable badInput) {
        int half = HEALTHY_CHUNKS.size() / 2;
        pipeline.sendAll(HEALTHY_CHUNKS.subList(0, half));
        badInput.run();
        pipeline.sendAll(HEALTHY_CHUNKS.subList(half, HEALTHY_CHUNKS.size()));
    }

    /** The dead letters are these, in order, all from the segmenter; and the healthy call went through untouched. */
    private void assertDeadLettered(DeadLetterReason... reasons) {
        List<DeadLetter> letters = pipeline.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(reasons);
        assertThat(letters).allSatisfy(letter -> assertThat(letter).extracting(DeadLetter::getStage,
                DeadLetter::getSourceTopic).containsExactly(Segmenter.ROLE, Topics.AUDIO.name()));
        assertThat(withoutEmissionTimes(pipeline.windows(HEALTHY))).isEqualTo(healthyAlone);
        assertThat(pipeline.combinedFinals(HEALTHY)).hasSize(1);
    }

    /** A one-channel call of {@code chunks} 100 ms chunks of a tone, the last flagged. */
    private static List<AudioChunk> tone(String callId, int chunks) {
        float[] samples = new float[1_600 * chunks];
        System.arraycopy(AGENT, 16_000, samples, 0, samples.length);
        return Chunks.pcm16(callId, new float[][] {samples}, 100, true);
    }

    /** A whole call in one chunk: 10 ms of silence in 16 kHz PCM16 on {@code channels} channels. */
    private static AudioChunk chunk(String callId, int channels) {
        return Chunks.chunk(callId, 0, 0, new byte[320 * channels], AudioEncoding.PCM_S16LE, 16_000, channels, true);
    }

    private static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    /** The chunk as a GenericRecord of another version of its schema, by Avro's schema resolution. */
    private static GenericRecord asVersion(AudioChunk chunk, Schema version) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<AudioChunk>(AudioChunk.getClassSchema()).write(chunk, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(AudioChunk.getClassSchema(), version)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serializes as a producer with its own version of the schema would: registered under calls.audio-value. */
    private byte[] serializeGeneric(GenericRecord record) {
        try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(pipeline.serdes(), false);
            return serializer.serialize(Topics.AUDIO.name(), record);
        }
    }

    private static List<AudioWindow> withoutEmissionTimes(List<AudioWindow> windows) {
        return windows.stream().map(w -> AudioWindow.newBuilder(w).setEmittedAt(Instant.EPOCH).build()).toList();
    }
}
