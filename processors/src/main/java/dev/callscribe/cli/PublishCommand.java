package dev.callscribe.cli;

import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.CallMetadata;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallNaming;
import dev.callscribe.publish.CallPlan;
import dev.callscribe.publish.CallPublisher;
import dev.callscribe.publish.Pacing;
import dev.callscribe.publish.PublishClock;
import dev.callscribe.publish.PublishProgress;
import dev.callscribe.publish.RawFormat;
import dev.callscribe.publish.Recording;
import dev.callscribe.publish.Recordings;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.segmenter.SegmenterConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe publish FILE...}: publishes recordings to {@code calls.audio} as calls, replayed as fast as
 * possible or in real time, one call per file or many concurrent calls (a load generator). The work is
 * {@link CallPublisher}'s; this class parses options, checks the recordings against what the pipeline accepts, and
 * shows progress.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = {
    "Publish recordings to calls.audio as calls (WAV: PCM16, float, mu-law, A-law; FLAC; or headerless audio with "
            + "--encoding, --rate and --channels), as fast as possible or in real time, as one or many concurrent "
            + "calls.",
    "Configuration: --set KEY=VALUE > " + EnvironmentVariables.PREFIX + "* environment variables > --config FILE "
            + "> defaults (bootstrap.servers, schema.registry.url, topic.calls.audio; other keys go to the Kafka "
            + "producer and the serde)."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recordings: WAV or FLAC (told apart by content), "
            + "or headerless audio with --encoding.")
    private List<Path> files;

    @Option(names = "--chunk-length", paramLabel = "SECONDS", defaultValue = "1.0", description = "Audio per "
            + "chunk (default: ${DEFAULT-VALUE}); the pipeline takes chunks up to segmenter.max.chunk.ms (10 s).")
    private double chunkLengthSeconds;

    @Option(names = "--realtime", description = "Send each chunk when its audio would have been captured had the "
            + "call started now (a live call); default: as fast as possible.")
    private boolean realtime;

    @Option(names = "--calls", paramLabel = "N", description = "Publish N concurrent calls, call i replaying file "
            + "i mod the number of files, each with its own id (default: one call per file).")
    private Integer calls;

    @Option(names = "--call-id", paramLabel = "ID", description = "The call's id, or the base of numbered ids "
            + "(ID-0001, ...) when there are several calls (default: the file name plus a random run tag).")
    private String callId;

    @Option(names = "--speakers", split = ",", paramLabel = "LABEL", description = "A speaker label per channel, "
            + "comma-separated, e.g. agent,customer (default: the pipeline's, channel 0 agent, channel 1 customer).")
    private List<String> speakers;

    @Option(names = "--language", paramLabel = "CODE", description = "Language hint for the transcriber, a "
            + "Whisper language code such as en or de (default: none, multilingual models detect it).")
    private String language;

    @Option(names = "--agent-id", paramLabel = "ID", description = "The agent on the call, passed to transcripts.")
    private String agentId;

    @Option(names = "--queue", paramLabel = "NAME", description = "The queue or skill the call was routed to.")
    private String queue;

    @Option(names = "--encoding", paramLabel = "ENCODING", description = "Read the files as headerless audio in "
            + "this encoding: pcm_s16le (s16le), mulaw (ulaw), alaw or float32le (f32le); needs --rate.")
    private String encoding;

    @Option(names = "--rate", paramLabel = "HZ", description = "Sample rate of headerless audio.")
    private Integer rate;

    @Option(names = "--channels", paramLabel = "N", description = "Interleaved channels of headerless audio "
            + "(default: 1).")
    private Integer channels;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--topic", paramLabel = "NAME", description = "Shortcut for --set topic.calls.audio=... "
            + "(default: calls.audio).")
    private String topic;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--progress", negatable = true, description = "Show a progress line on standard error "
            + "(default: when there is a terminal).")
    private Boolean progress;

    private final Map<String, String> environment;

    /** The command as the command line runs it, reading the process environment. */
    PublishCommand() {
        this(System.getenv());
    }

    /** The command reading configuration from the given environment variables, for tests. */
    PublishCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PublishOutput output = new PublishOutput(spec.commandLine().getOut(), spec.commandLine().getErr(),
                progress != null ? progress : System.console() != null);
        CallPlan plan = plan(output);
        List<CallChunker> chunkers = plan.chunkers(readRecordings(output));
        PipelineConfig pipeline = new PipelineConfig(configValues());
        ConnectionOptions.requireSharedRegistry(pipeline);
        Topic<AudioChunk> audioTopic = pipeline.topic(Topics.AUDIO);
        try (CallPublisher publisher = CallPublisher.connect(pipeline.clientAndSerdeConfig(), audioTopic,
                PublishClock.system(), output)) {
            PublishProgress done = publisher.publish(chunkers, realtime ? Pacing.REALTIME : Pacing.AS_FAST_AS_POSSIBLE);
            output.summary(chunkers, done, audioTopic.name());
        } finally {
            output.endProgressLine();
        }
        return 0;
    }

    private CallPlan plan(PublishOutput output) {
        if (calls != null && calls < 1) {
            throw usage("--calls must be at least 1, got " + calls);
        }
        if (!(chunkLengthSeconds > 0) || Double.isInfinite(chunkLengthSeconds)) {
            throw usage("--chunk-length must be a positive number of seconds, got " + chunkLengthSeconds);
        }
        if (callId != null && callId.isBlank()) {
            throw usage("--call-id must not be blank");
        }
        CallNaming naming = callId != null ? CallNaming.fixed(callId)
                : CallNaming.afterRecordings(UUID.randomUUID().toString().substring(0, 8));
        Duration chunkLength = Duration.ofNanos(Math.round(chunkLengthSeconds * 1e9));
        if (chunkLength.toMillis() > SegmenterConfig.DEFAULT_MAX_CHUNK_MS) {
            // A deployment may raise the segmenter's limit, so this only warns.
            output.warn("chunks of " + chunkLength.toMillis() + " ms are longer than the "
                    + SegmenterConfig.DEFAULT_MAX_CHUNK_MS + " ms a segmenter takes by default ("
                    + SegmenterConfig.MAX_CHUNK_MS_CONFIG + ")");
        }
        return new CallPlan(calls != null ? calls : files.size(), naming, speakers(), metadata(), chunkLength);
    }

    private List<String> speakers() {
        if (speakers != null && speakers.stream().anyMatch(String::isBlank)) {
            throw usage("--speakers labels must not be blank, got " + speakers);
        }
        return speakers;
    }

    private CallMetadata metadata() {
        if (language == null && agentId == null && queue == null) {
            return null;
        }
        return CallMetadata.newBuilder().setLanguageHint(language).setAgentId(agentId).setQueue(queue)
                .setAttributes(Map.of()).build();
    }

    private List<Recording> readRecordings(PublishOutput output) throws IOException {
        RawFormat raw = rawFormat();
        List<Recording> recordings = new ArrayList<>();
        for (Path file : files) {
            Recording recording = raw != null ? Recordings.readRaw(file, raw) : Recordings.read(file);
            requireRateThePipelineTakes(file, recording);
            if (recording.audio().channels() > SegmenterConfig.DEFAULT_MAX_CHANNELS) {
                output.warn(file + " has " + recording.audio().channels() + " channels; a segmenter takes "
                        + SegmenterConfig.DEFAULT_MAX_CHANNELS + " by default (" + SegmenterConfig.MAX_CHANNELS_CONFIG
                        + ")");
            }
            recordings.add(recording);
        }
        return recordings;
    }

    /** The format of headerless files, or null when the files carry their own (WAV, FLAC). */
    private RawFormat rawFormat() {
        if (encoding == null) {
            if (rate != null || channels != null) {
                throw usage("--rate and --channels describe headerless audio: give --encoding too");
            }
            return null;
        }
        if (rate == null) {
            throw usage("headerless audio (--encoding " + encoding + ") needs --rate");
        }
        try {
            return new RawFormat(RawFormat.parseEncoding(encoding), rate, channels != null ? channels : 1);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The segmenter dead-letters chunks at other rates: refuse them here, before anything is sent. */
    private static void requireRateThePipelineTakes(Path file, Recording recording) {
        int hz = recording.audio().sampleRateHz();
        if (!StreamingResampler.supportedInputRates().contains(hz)) {
            throw new IllegalArgumentException(file + ": sample rate " + hz + " Hz is not one the pipeline takes; "
                    + "supported: " + StreamingResampler.supportedInputRates() + " Hz (resample the file first)");
        }
    }

    /** The shortcuts are command-line settings too; an explicit --set of the same key wins. */
    private Map<String, String> configValues() {
        Map<String, String> shortcuts = new LinkedHashMap<>(connection.shortcuts());
        if (topic != null) {
            shortcuts.put(PipelineConfig.TOPIC_PREFIX + Topics.AUDIO.name(), topic);
        }
        return configOptions.values(environment, shortcuts);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
