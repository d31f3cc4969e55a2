package dev.callscribe.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * Decodes FLAC to 16-bit PCM with jFLAC ({@code org.jflac:jflac-codec}, LGPL 2.1, pure Java). FLAC is lossless, so
 * 16-bit streams come out bit-exact; 24-bit samples keep their top 16 bits and 8-bit samples are widened, because
 * {@code calls.audio} carries PCM16, not 24-bit or 8-bit PCM. Stateless and thread-safe.
 *
 * <p>jFLAC skips a frame whose CRC does not match and counts it; this reader refuses such a stream, and a stream that
 * ends before the frame count its STREAMINFO block declares, rather than publish audio with holes in it.
 */
final class FlacReader {

    /** The bit depths jFLAC turns into PCM bytes; it emits nothing for others (12, 20, 32). */
    private static final Set<Integer> SUPPORTED_BITS = Set.of(8, 16, 24);
    private static final int BYTES_PER_24_BIT_SAMPLE = 3;

    private FlacReader() {
    }

    /**
     * Decodes a whole FLAC file held in memory.
     *
     * @throws IllegalArgumentException if the bytes are not a FLAC stream this reader decodes, saying what is wrong
     */
    static WavAudio read(byte[] file) {
        FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(file));
        StreamInfo info = streamInfo(decoder);
        ByteArrayOutputStream pcm16 = new ByteArrayOutputStream();
        try {
            ByteData frameBytes = null;
            for (Frame frame = decoder.readNextFrame(); frame != null; frame = decoder.readNextFrame()) {
                frameBytes = decoder.decodeFrame(frame, frameBytes);
                appendAsPcm16(frameBytes, info.getBitsPerSample(), pcm16);
            }
        } catch (IOException | RuntimeException e) {
            // jFLAC reports malformed frames with whatever exception its bit reader hits first.
            throw new IllegalArgumentException("corrupt FLAC audio data: " + e, e);
        }
        checkComplete(decoder, info, pcm16.size());
        return new WavAudio(info.getSampleRate(), info.getChannels(), SampleEncoding.PCM_S16LE, pcm16.toByteArray());
    }

    private static StreamInfo streamInfo(FLACDecoder decoder) {
        try {
            decoder.readMetadata();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable FLAC stream: " + e.getMessage(), e);
        }
        StreamInfo info = decoder.getStreamInfo();
        if (info == null) {
            throw new IllegalArgumentException("FLAC stream has no STREAMINFO block");
        }
        if (!SUPPORTED_BITS.contains(info.getBitsPerSample())) {
            throw new IllegalArgumentException("FLAC with " + info.getBitsPerSample() + " bits per sample is not "
                    + "supported; supported: 8, 16 or 24 bits");
        }
        return info;
    }

    private static void checkComplete(FLACDecoder decoder, StreamInfo info, int pcm16Bytes) {
        if (decoder.getBadFrames() > 0) {
            throw new IllegalArgumentException("corrupt FLAC audio data: " + decoder.getBadFrames()
                    + " frame(s) failed their checks");
        }
        long decodedFrames = pcm16Bytes / (2L * info.getChannels());
        // 0 means "unknown" in STREAMINFO (a stream written without seeking back to fill it in).
        if (info.getTotalSamples() != 0 && decodedFrames != info.getTotalSamples()) {
            throw new IllegalArgumentException("truncated FLAC stream: STREAMINFO declares " + info.getTotalSamples()
                    + " frames, the audio data holds " + decodedFrames);
        }
    }

    /** Appends jFLAC's little-endian PCM bytes of one frame as signed 16-bit little-endian samples. */
    private static void appendAsPcm16(ByteData frame, int bitsPerSample, ByteArrayOutputStream out) {
        byte[] data = frame.getData();
        int length = frame.getLen();
        if (bitsPerSample == 16) {
            out.write(data, 0, length);
        } else if (bitsPerSample == 24) {
            // Keep the two high bytes: the sample shifted right by 8, as sox and ffmpeg truncate without dither.
            for (int i = 0; i < length; i += BYTES_PER_24_BIT_SAMPLE) {
                out.write(data[i + 1]);
                out.write(data[i + 2]);
            }
        } else {
            // jFLAC writes 8-bit samples offset by 128 (WAV's unsigned 8-bit); flipping the top bit makes them
            // signed again, and as the high byte of a PCM16 sample they are the sample shifted left by 8.
            for (int i = 0; i < length; i++) {
                out.write(0);
                out.write(data[i] ^ 0x80);
            }
        }
    }
}
