package dev.callscribe.publish;

import dev.callscribe.codec.SampleEncoding;
import java.util.Locale;
import java.util.Map;

/**
 * The format of headerless ("raw") audio, which the file itself cannot tell: how samples are stored, how many frames
 * a second, how many interleaved channels.
 *
 * @param encoding how each sample is stored
 * @param sampleRateHz frames per second, positive
 * @param channels interleaved samples per frame, at least 1
 */
public record RawFormat(SampleEncoding encoding, int sampleRateHz, int channels) {

    /**
     * Encoding names accepted by {@link #parseEncoding}: the codec's own, and the names ffmpeg's {@code -f} and sox
     * give the same formats, so a command line that produced the file can be copied.
     */
    private static final Map<String, SampleEncoding> ENCODING_NAMES = Map.of(
            "pcm_s16le", SampleEncoding.PCM_S16LE, "s16le", SampleEncoding.PCM_S16LE,
            "mulaw", SampleEncoding.MULAW, "ulaw", SampleEncoding.MULAW, "mu-law", SampleEncoding.MULAW,
            "alaw", SampleEncoding.ALAW, "a-law", SampleEncoding.ALAW,
            "float32le", SampleEncoding.FLOAT32LE, "f32le", SampleEncoding.FLOAT32LE);

    /** Checks the format: an encoding, a positive rate, at least one channel. */
    public RawFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("raw audio needs an encoding");
        }
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("raw audio needs a positive sample rate, got " + sampleRateHz + " Hz");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("raw audio needs at least 1 channel, got " + channels);
        }
    }

    /**
     * The encoding a name stands for, ignoring case: {@code pcm_s16le} or {@code s16le}, {@code mulaw} or
     * {@code ulaw}, {@code alaw}, {@code float32le} or {@code f32le}.
     *
     * @throws IllegalArgumentException naming the accepted names if {@code name} is none of them
     */
    public static SampleEncoding parseEncoding(String name) {
        SampleEncoding encoding = ENCODING_NAMES.get(name.strip().toLowerCase(Locale.ROOT));
        if (encoding == null) {
            throw new IllegalArgumentException("unknown sample encoding '" + name + "', expected one of "
                    + "pcm_s16le (s16le), mulaw (ulaw), alaw, float32le (f32le)");
        }
        return encoding;
    }
}
