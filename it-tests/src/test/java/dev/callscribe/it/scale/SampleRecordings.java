package dev.callscribe.it.scale;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.demo.SampleCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recordings the scale test's calls replay, as files for {@code callscribe publish}: the sample call as shipped
 * (29 s, two channels, 8 kHz mu-law), and the same conversation with the channels swapped and a lead-in of silence,
 * so that calls replaying it have other windows and other transcripts. Calls alternate between the two, which lets
 * the comparison with the single-process run notice a transcript given to the wrong call.
 */
public final class SampleRecordings {

    /** Silence before the variant's conversation: not a multiple of the window stride, so its windows cut elsewhere. */
    private static final double LEAD_IN_SECONDS = 3.7;

    private SampleRecordings() {
    }

    /** Writes both recordings into {@code directory}; returns their paths, the shipped one first. */
    public static List<Path> writeTo(Path directory) throws IOException {
        Path sample = Files.write(directory.resolve("northwind.wav"), SampleCall.wavBytes());
        Path variant = Files.write(directory.resolve("northwind-swapped.wav"), swappedWithLeadIn());
        return List.of(sample, variant);
    }

    private static byte[] swappedWithLeadIn() {
        WavAudio sample = WavReader.read(SampleCall.wavBytes());
        float[][] channels = sample.decodeChannels();
        int leadIn = (int) Math.round(LEAD_IN_SECONDS * sample.sampleRateHz());
        float[][] variant = new float[channels.length][];
        for (int channel = 0; channel < channels.length; channel++) {
            float[] source = channels[channels.length - 1 - channel];
            variant[channel] = new float[leadIn + source.length];
            System.arraycopy(source, 0, variant[channel], leadIn, source.length);
        }
        return WavWriter.encodePcm16(variant, sample.sampleRateHz());
    }
}
