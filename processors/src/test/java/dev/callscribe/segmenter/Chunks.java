package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cuts test audio into the AudioChunks a producer would publish. */
final class Chunks {

    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private Chunks() {
    }

    /** 16 kHz PCM16 chunks of {@code chunkMs}, channels interleaved; the last one flagged if asked. */
    static List<AudioChunk> pcm16(String callId, float[][] channels, int chunkMs, boolean flagLast) {
        int rate = 16_000;
        int frames = channels[0].length;
        int perChunk = rate * chunkMs / 1000;
        List<AudioChunk> chunks = new ArrayList<>();
        for (int from = 0, seq = 0; from < frames; from += perChunk, seq++) {
            int to = Math.min(frames, from + perChunk);
            chunks.add(chunk(callId, seq, from, interleave(channels, from, to), AudioEncoding.PCM_S16LE, rate,
                    channels.length, flagLast && to == frames));
        }
        return chunks;
    }

    static AudioChunk chunk(String callId, long seq, long offsetFrames, byte[] payload, AudioEncoding encoding,
                            int rate, int channels, boolean last) {
        int frameBytes = (encoding == AudioEncoding.PCM_S16LE ? 2 : encoding == AudioEncoding.FLOAT32LE ? 4 : 1)
                * channels;
        long endFrame = offsetFrames + payload.length / frameBytes;
        return AudioChunk.newBuilder()
                .setCallId(callId).setSeq(seq).setEncoding(encoding).setSampleRateHz(rate).setChannels(channels)
                .setPayload(ByteBuffer.wrap(payload)).setOffsetFrames(offsetFrames).setLast(last)
                .setCapturedAt(START.plusMillis(endFrame * 1000 / rate))
                .build();
    }

    private static byte[] interleave(float[][] channels, int from, int to) {
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * channels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = from; frame < to; frame++) {
            for (float[] channel : channels) {
                bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, channel[frame])) * 32767));
            }
        }
        return bytes.array();
    }
}
