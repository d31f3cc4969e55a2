package dev.callscribe.it.pipeline;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts a call's audio into the AudioChunks a contact center would publish, the last one flagged. */
final class CallChunks {

    private CallChunks() {
    }

    /** The chunks of a WAV file's audio, in its own encoding, rate and channels. */
    static List<AudioChunk> of(String callId, WavAudio wav, int chunkMs, Instant start) {
        AudioEncoding encoding = AudioEncoding.valueOf(wav.encoding().name());
        int frameBytes = wav.encoding().bytesPerSample() * wav.channels();
        return cut(callId, wav.payload(), frameBytes, new Format(encoding, wav.sampleRateHz(), wav.channels()),
                chunkMs, start);
    }

    /** The chunks of float channels as 16 kHz PCM16. */
    static List<AudioChunk> pcm16(String callId, float[][] channels, int chunkMs, Instant start) {
        ByteBuffer bytes = ByteBuffer.allocate(channels[0].length * channels.length * 2)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < channels[0].length; frame++) {
            for (float[] channel : channels) {
                bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, channel[frame])) * 32767));
            }
        }
        return cut(callId, bytes.array(), 2 * channels.length,
                new Format(AudioEncoding.PCM_S16LE, 16_000, channels.length), chunkMs, start);
    }

    private record Format(AudioEncoding encoding, int rate, int channels) {
    }

    private static List<AudioChunk> cut(String callId, byte[] payload, int frameBytes, Format format, int chunkMs,
                                        Instant start) {
        int framesPerChunk = format.rate() * chunkMs / 1000;
        int frames = payload.length / frameBytes;
        List<AudioChunk> chunks = new ArrayList<>();
        for (int from = 0, seq = 0; from < frames; from += framesPerChunk, seq++) {
            int to = Math.min(frames, from + framesPerChunk);
            chunks.add(AudioChunk.newBuilder()
                    .setCallId(callId).setSeq(seq).setEncoding(format.encoding())
                    .setSampleRateHz(format.rate()).setChannels(format.channels())
                    .setPayload(ByteBuffer.wrap(Arrays.copyOfRange(payload, from * frameBytes, to * frameBytes)))
                    .setOffsetFrames(from).setLast(to == frames)
                    .setCapturedAt(start.plusMillis((long) to * 1000 / format.rate()))
                    .build());
        }
        return chunks;
    }
}
