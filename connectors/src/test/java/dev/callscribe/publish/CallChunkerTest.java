package dev.callscribe.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.CallMetadata;
import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.codec.WavAudio;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallChunkerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** 2.5 s of two-channel 8 kHz mu-law: byte i of the payload is (i mod 251). */
    private static final WavAudio STEREO_MULAW = new WavAudio(8_000, 2, SampleEncoding.MULAW, bytes(2 * 20_000));

    @Test
    void shouldCutWholeFramesWhoseConcatenationIsTheRecording() {
        CallChunker chunker = new CallChunker(CallInfo.of("call-1"), STEREO_MULAW, Duration.ofSeconds(1));

        List<AudioChunk> chunks = all(chunker);

        assertThat(chunks).extracting(AudioChunk::getSeq).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(AudioChunk::getOffsetFrames).containsExactly(0L, 8_000L, 16_000L);
        assertThat(chunks).extracting(chunk -> chunk.getPayload().remaining()).containsExactly(16_000, 16_000, 8_000);
        assertThat(chunks).extracting(AudioChunk::getLast).containsExactly(false, false, true);
        assertThat(concatenated(chunks)).isEqualTo(STEREO_MULAW.payload());
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getCallId()).isEqualTo("call-1");
            assertThat(chunk.getEncoding()).isEqualTo(AudioEncoding.MULAW);
            assertThat(chunk.getSampleRateHz()).isEqualTo(8_000);
            assertThat(chunk.getChannels()).isEqualTo(2);
        });
        assertThat(chunker.endOf(2)).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void shouldPutSpeakersOnEveryChunkAndMetadataOnTheFirstOnly() {
        CallMetadata metadata = CallMetadata.newBuilder().setLanguageHint("en").setQueue("billing")
                .setAttributes(Map.of()).build();
        CallInfo call = new CallInfo("call-2", List.of("customer", "agent"), metadata);
        CallChunker chunker = new CallChunker(call, STEREO_MULAW, Duration.ofSeconds(1));

        List<AudioChunk> chunks = all(chunker);

        assertThat(chunks).extracting(AudioChunk::getSpeakers).containsOnly(List.of("customer", "agent"));
        assertThat(chunks).extracting(AudioChunk::getMetadata).containsExactly(metadata, null, null);
    }

    @Test
    void shouldMakeAnyChunkOnItsOwnAsItWasInTheFullSequence() {
        CallChunker chunker = new CallChunker(CallInfo.of("call-3"), STEREO_MULAW, Duration.ofMillis(700));

        assertThat(chunker.chunk(2, NOW)).isEqualTo(all(chunker).get(2));
        assertThatThrownBy(() -> chunker.chunk(chunker.chunkCount(), NOW))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRejectEmptyAudioAndChunksShorterThanAFrame() {
        WavAudio empty = new WavAudio(8_000, 1, SampleEncoding.PCM_S16LE, new byte[0]);

        assertThatThrownBy(() -> new CallChunker(CallInfo.of("x"), empty, Duration.ofSeconds(1)))
                .hasMessageContaining("no audio");
        assertThatThrownBy(() -> new CallChunker(CallInfo.of("x"), STEREO_MULAW, Duration.ofNanos(1000)))
                .hasMessageContaining("one frame");
    }

    private static List<AudioChunk> all(CallChunker chunker) {
        return IntStream.range(0, chunker.chunkCount()).mapToObj(seq -> chunker.chunk(seq, NOW))
                .toList();
    }

    private static byte[] concatenated(List<AudioChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> {
            byte[] payload = new byte[chunk.getPayload().remaining()];
            chunk.getPayload().duplicate().get(payload);
            out.writeBytes(payload);
        });
        return out.toByteArray();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }
}
