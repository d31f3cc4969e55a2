package dev.callscribe.demo;

import dev.callscribe.codec.WavReader;
import dev.callscribe.publish.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sample call the demo publishes, shipped inside the jar: 29 s of a two-channel telephone call, 8 kHz G.711
 * mu-law, the agent on channel 0 and the customer on channel 1, each speaking only on their own channel. The speech
 * was synthesized with espeak-ng for this project; {@code northwind-call.tsv} beside it lists what is said, per
 * channel, with start and end seconds.
 */
public final class SampleCall {

    /** The call's name, also the stem of its call ids. */
    public static final String NAME = "northwind";

    /** Where the recording is on the classpath. */
    public static final String RESOURCE = "/dev/callscribe/demo/northwind-call-2ch-8k-ulaw.wav";

    /** Where its script (channel, start s, end s, text; tab separated) is on the classpath. */
    public static final String SCRIPT_RESOURCE = "/dev/callscribe/demo/northwind-call.tsv";

    private SampleCall() {
    }

    /** The recording's bytes, a WAV file. */
    public static byte[] wavBytes() {
        return read(RESOURCE);
    }

    /** The recording, ready to publish. */
    public static Recording recording() {
        return new Recording(NAME, WavReader.read(wavBytes()));
    }

    /** The script's bytes (UTF-8, tab separated). */
    public static byte[] scriptBytes() {
        return read(SCRIPT_RESOURCE);
    }

    private static byte[] read(String resource) {
        try (InputStream in = SampleCall.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath; the build packages it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
