package dev.callscribe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.longform.TranscriptSegment;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.transcribe.AudioFiles;
import dev.callscribe.transcribe.ChannelAudio;
import dev.callscribe.transcribe.ChannelTranscript;
import dev.callscribe.transcribe.FileTranscriber;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe transcribe FILE...}: transcribes recordings without Kafka, each channel on its own, with the
 * chunked long-form algorithm; for users, and for checking the engine alone.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe audio files (WAV: PCM16, float, mu-law, A-law; or FLAC; any common "
        + "rate), each channel on its own, printing segments with timestamps, or JSON.")
final class TranscribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelSelection selection;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files: WAV or FLAC (told apart by "
            + "content), as publish reads them.")
    private List<Path> files;

    @Option(names = "--json", description = "One JSON object per channel instead of text.")
    private boolean json;

    @Option(names = "--language", description = "Language code (multilingual models); default: detect.")
    private String language;

    @Option(names = "--task", defaultValue = DecodingOptions.TRANSCRIBE,
            description = "transcribe or translate (default: ${DEFAULT-VALUE}).")
    private String task;

    @Option(names = "--no-timestamps", description = "Do not predict timestamps (one segment per channel).")
    private boolean noTimestamps;

    @Option(names = "--chunk-length", description = "Window length in seconds; default: the model's "
            + "recommendation (15 s for distil-small.en/medium.en/large-v2, 25 s for distil-large-v3, else 30 s).")
    private Double chunkLength;

    @Option(names = "--stride", description = "Overlap on each side of a window, in seconds; default: 1/6 of it.")
    private Double stride;

    @Option(names = "--batch-size", defaultValue = "16",
            description = "Windows decoded together (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--max-new-tokens", defaultValue = "224",
            description = "Token budget per window (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Override
    public Integer call() throws Exception {
        List<ChannelAudio> channels = new ArrayList<>();
        for (Path file : files) {
            channels.addAll(AudioFiles.readChannels(file));
        }
        WhisperModel model = selection.load();
        try (WhisperEngine engine = WhisperEngine.open(model, selection.runtime.engineOptions())) {
            FileTranscriber transcriber = new FileTranscriber(engine, chunking(model), decoding(), batchSize);
            print(transcriber.transcribe(channels));
        }
        return 0;
    }

    private ChunkingOptions chunking(WhisperModel model) {
        ChunkingOptions options = ChunkingOptions.defaults(chunkLength != null ? chunkLength
                : model.chunkLengthSeconds());
        return stride == null ? options : options.withStrides(stride, stride);
    }

    private DecodingOptions decoding() {
        return DecodingOptions.defaults().withLanguage(language).withTask(task).withTimestamps(!noTimestamps)
                .withMaxNewTokens(maxNewTokens);
    }

    private void print(List<ChannelTranscript> transcripts) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        for (ChannelTranscript transcript : transcripts) {
            if (json) {
                out.println(mapper.writeValueAsString(asJson(mapper, transcript)));
            } else {
                printText(out, transcript);
            }
        }
        out.flush();
    }

    private static void printText(PrintWriter out, ChannelTranscript transcript) {
        out.printf("== %s, channel %d ==%n", transcript.source(), transcript.channel());
        for (TranscriptSegment segment : transcript.transcript().segments()) {
            out.printf("[%s --> %s] %s%n", clock(segment.startMs()), clock(segment.endMs()), segment.text().strip());
        }
    }

    private static ObjectNode asJson(ObjectMapper mapper, ChannelTranscript transcript) {
        ObjectNode node = mapper.createObjectNode()
                .put("file", transcript.source())
                .put("channel", transcript.channel())
                .put("language", transcript.language())
                .put("duration_ms", transcript.durationMs())
                .put("text", transcript.transcript().text());
        ArrayNode segments = node.putArray("segments");
        for (TranscriptSegment segment : transcript.transcript().segments()) {
            segments.addObject().put("start_ms", segment.startMs()).put("end_ms", segment.endMs())
                    .put("text", segment.text());
        }
        return node;
    }

    /** {@code mm:ss.mmm}, or {@code h:mm:ss.mmm} past an hour. */
    static String clock(long millis) {
        long hours = millis / 3_600_000;
        String minutes = String.format("%02d:%02d.%03d", millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
        return hours > 0 ? hours + ":" + minutes : minutes;
    }
}
