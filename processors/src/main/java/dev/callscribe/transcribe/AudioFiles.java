package dev.callscribe.transcribe;

import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.codec.AudioFileReader;
import dev.callscribe.codec.WavAudio;
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
     * The channels of a WAV or FLAC file, read as {@code publish} reads it ({@link AudioFileReader}: WAV in PCM16,
     * float32, mu-law or A-law, FLAC; any common rate), resampled to 16 kHz.
     *
     * @throws IOException naming the file if it cannot be read
     * @throws IllegalArgumentException naming the file if it is not audio the reader takes, saying what it found
     */
    public static List<ChannelAudio> readChannels(Path file) throws IOException {
        WavAudio wav = AudioFileReader.read(file);
        float[][] channels = wav.decodeChannels();
        List<ChannelAudio> result = new ArrayList<>();
        for (int channel = 0; channel < channels.length; channel++) {
            float[] samples = StreamingResampler.resampleTo16kHz(channels[channel], wav.sampleRateHz());
            result.add(new ChannelAudio(file.getFileName().toString(), channel, samples));
        }
        return result;
    }
}
