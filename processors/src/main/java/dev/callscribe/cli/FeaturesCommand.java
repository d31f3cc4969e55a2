package dev.callscribe.cli;

import dev.callscribe.audio.LogMelOptions;
import dev.callscribe.audio.LogMelSpectrogram;
import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.codec.AudioFileReader;
import dev.callscribe.codec.WavAudio;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes the Whisper log-mel features of a WAV or FLAC file, for comparing the front-end with other tools: the
 * first 30 s, zero-padded like Whisper, as float32 little-endian, {@code n_mels} rows of 3000 frames, row-major.
 *
 * <p>Input other than 16 kHz is converted with the pipeline's own resampler (so the features are what the pipeline
 * would compute), and the summary line says so. Multi-channel input is not mixed down, because callscribe
 * transcribes each channel of a call on its own: pick one with {@code --channel}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write the Whisper log-mel features of an audio file's first 30 s (float32 LE, n_mels x 3000).")
final class FeaturesCommand implements Callable<Integer> {

    /** Exit status when the input cannot be read or used, or the output cannot be written. */
    static final int INPUT_ERROR = 1;

    @Parameters(index = "0", paramLabel = "IN",
            description = "WAV file (PCM16, float32, mu-law or A-law) or FLAC file, as publish reads them, at 8, "
                    + "11.025, 16, 22.05, 32, 44.1 or 48 kHz.")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT.f32", description = "Output file, replaced if it exists.")
    private Path output;

    @Option(names = "--n-mels", paramLabel = "N", defaultValue = "80",
            description = "Mel bands: 80 (most Whisper models) or 128 (large-v3 and its distillations). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int nMels;

    @Option(names = "--channel", paramLabel = "C",
            description = "Channel to use (from 0); required when the file has more than one.")
    private Integer channel;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (nMels <= 0) {
            throw new ParameterException(spec.commandLine(), "--n-mels must be positive, got " + nMels);
        }
        try {
            WavAudio audio = readInput();
            float[] features = new LogMelSpectrogram(LogMelOptions.forMels(nMels)).compute(whisperInput(audio));
            writeOutput(features);
            report(audio, features.length / nMels);
            return 0;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("callscribe features: " + e.getMessage());
            err.flush();
            return INPUT_ERROR;
        }
    }

    private WavAudio readInput() {
        try {
            return AudioFileReader.read(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void writeOutput(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        try {
            Files.write(output, bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + reason(e), e);
        }
    }

    /** The reason alone: a FileSystemException's own message repeats the path. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The chosen channel at 16 kHz. */
    private float[] whisperInput(WavAudio audio) {
        int chosen = chooseChannel(audio.channels());
        float[] samples = audio.decodeChannels()[chosen];
        if (audio.sampleRateHz() == StreamingResampler.OUTPUT_RATE_HZ) {
            return samples;
        }
        return StreamingResampler.resampleTo16kHz(samples, audio.sampleRateHz());
    }

    private int chooseChannel(int channels) {
        if (channel == null && channels > 1) {
            throw new IllegalArgumentException(input + " has " + channels + " channels; features needs one: pick it"
                    + " with --channel 0.." + (channels - 1) + " (channels are not mixed down)");
        }
        int chosen = channel == null ? 0 : channel;
        if (chosen < 0 || chosen >= channels) {
            throw new IllegalArgumentException("--channel " + chosen + " is out of range: " + input + " has "
                    + channels + " channel(s), numbered from 0");
        }
        return chosen;
    }

    private void report(WavAudio audio, int frames) {
        PrintWriter out = spec.commandLine().getOut();
        String conversion = audio.sampleRateHz() == StreamingResampler.OUTPUT_RATE_HZ ? ""
                : ", resampled from " + audio.sampleRateHz() + " Hz to 16000 Hz";
        out.printf(Locale.ROOT, "%s: %d x %d float32 log-mel features of %s (%.2f s, %d channel(s), %s%s)%n",
                output, nMels, frames, input, audio.durationSeconds(), audio.channels(), audio.encoding(), conversion);
        out.flush();
    }
}
