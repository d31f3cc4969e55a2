package dev.callscribe.segmenter;

import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A call's audio format, fixed by its first chunk, and the byte-level work the segmenter does in it: splitting
 * interleaved frames into per-channel byte strings and writing silence, without decoding (windows keep the source
 * encoding and rate, to stay compact; the transcriber decodes and resamples).
 *
 * @param encoding the sample encoding
 * @param sampleRateHz samples per second per channel
 * @param channels interleaved channels
 */
record AudioFormat(AudioEncoding encoding, int sampleRateHz, int channels) {

    static AudioFormat of(AudioChunk chunk) {
        return new AudioFormat(chunk.getEncoding(), chunk.getSampleRateHz(), chunk.getChannels());
    }

    /** The front-end's name for the encoding. */
    SampleEncoding sampleEncoding() {
        return SampleEncoding.valueOf(encoding.name());
    }

    int bytesPerSample() {
        return sampleEncoding().bytesPerSample();
    }

    int frameBytes() {
        return bytesPerSample() * channels;
    }

    long millis(long samples) {
        return samples * 1000 / sampleRateHz;
    }

    /** One byte string per channel, each holding that channel's samples in order. */
    byte[][] splitChannels(byte[] interleaved) {
        int width = bytesPerSample();
        int frames = interleaved.length / frameBytes();
        byte[][] split = new byte[channels][frames * width];
        for (int frame = 0; frame < frames; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                System.arraycopy(interleaved, (frame * channels + channel) * width, split[channel], frame * width,
                        width);
            }
        }
        return split;
    }

    /**
     * {@code samples} samples of silence in this encoding: zero for linear encodings, the codes of zero amplitude
     * for G.711 (0xFF in mu-law, 0xD5 in A-law).
     */
    byte[] silence(int samples) {
        byte[] silence = new byte[samples * bytesPerSample()];
        if (encoding == AudioEncoding.MULAW) {
            Arrays.fill(silence, (byte) 0xFF);
        } else if (encoding == AudioEncoding.ALAW) {
            Arrays.fill(silence, (byte) 0xD5);
        }
        return silence;
    }

    /** The remaining bytes of a buffer, without moving it. */
    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
