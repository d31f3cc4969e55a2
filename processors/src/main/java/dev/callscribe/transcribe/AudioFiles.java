package dev.callscribe.transcribe;

import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an audio file into its channels at 16 kHz, each channel a speaker of its own (no mixing down). */
public final class AudioFiles {

    /** The sample rate Whisper models take. */
    public static final int MODEL_SAMPLE_RATE = 16_000;

    private AudioFiles() {
    }

    /**
     * The channels of a WAV file (PCM16, float32, mu-law or A-law; any common rate), resampled to 16 kHz.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a WAV the front-end reads, saying what it found
     */
    public static List<ChannelAudio> readChannels(Path file) throws IOException {
        WavAudio wav = WavReader.read(file);
        float[][] channels = wav.decodeChannels();
        List<ChannelAudio> result = new ArrayList<>();
        for (int channel = 0; channel < channels.length; channel++) {
            float[] samples = StreamingResampler.resampleTo16kHz(channels[channel], wav.sampleRateHz());
            result.add(new ChannelAudio(file.getFileName().toString(), channel, samples));
        }
        return result;
    }
}
