package dev.callscribe.audio;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Reference recordings and features on the test class path: the 16 kHz agent recording and its log-mel spectrograms
 * under {@code fixtures/reference/}, and the demo call shipped in the jar.
 */
public final class ReferenceFiles {

    /** The two-channel 8 kHz mu-law demo call (agent on channel 0, customer on channel 1). */
    public static final String TWO_CHANNEL_CALL = "dev/callscribe/demo/northwind-call-2ch-8k-ulaw.wav";
    /** Channel 0 of the demo call resampled to 16 kHz PCM16 mono by sox. */
    public static final String AGENT_16K = "fixtures/reference/northwind-agent-16k-mono.wav";

    private ReferenceFiles() {
    }

    /** The log-mel spectrogram of {@link #AGENT_16K} with the given number of mel bands. */
    public static String agentLogMel(int nMels) {
        return "fixtures/reference/northwind-agent-16k-logmel" + nMels + ".f32";
    }

    /** A class-path resource as a file. */
    public static Path path(String resource) {
        URL url = ReferenceFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("test resource " + resource + " is missing from the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
