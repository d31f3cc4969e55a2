package dev.callscribe.cli;

import dev.callscribe.demo.Demo;
import dev.callscribe.demo.DemoOptions;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.publish.Pacing;
import dev.callscribe.publish.Recording;
import dev.callscribe.publish.Recordings;
import dev.callscribe.tail.Terminal;
import dev.callscribe.tail.TerminalView;
import dev.callscribe.transcriber.TranscriberConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe demo}: the whole pipeline in this process on a sample call, its live transcript and a latency
 * summary, then exit. The work is {@link Demo}'s; this class parses options and explains a model it cannot load.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Run the whole pipeline in this process (an embedded Kafka broker, a schema registry, the "
            + "segmenter, transcriber and stitcher), publish a sample two-channel call to it, show the call's live "
            + "transcript and a latency summary, and exit.",
    "The model is downloaded once into the Hugging Face cache unless --model names a folder. Logs go to a file "
            + "(" + DemoLogging.LOG_FILE_NAME + " in the temporary directory) so they do not interleave with the "
            + "transcript."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "SOURCE", defaultValue = TranscriberConfig.DEFAULT_MODEL,
            description = "A model folder (a Hugging Face Optimum ONNX export) or a Hugging Face repository id "
                    + "(default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--audio", paramLabel = "FILE", description = "A recording to publish instead of the sample "
            + "call: WAV or FLAC, as publish reads them.")
    private Path audio;

    @Option(names = "--realtime", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Publish the call in real time, as a live call arrives (default); --no-realtime sends "
                    + "it as fast as the broker takes it.")
    private boolean realtime;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "How long to wait for "
            + "the call's final transcript once it is published (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Mixin
    private ConfigOptions configOptions;

    private final Map<String, String> environment;

    DemoCommand() {
        this(System.getenv());
    }

    DemoCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DemoLogging.logFile().ifPresent(file -> out.println("Logs: " + file));
        Pacing pacing = realtime ? Pacing.REALTIME : Pacing.AS_FAST_AS_POSSIBLE;
        DemoOptions options = new DemoOptions(model, recording(), pacing, configOptions.configFile(),
                configOptions.overrides(), Duration.ofSeconds(timeoutSeconds));
        TerminalView view = TerminalView.on(Terminal.detect(environment));
        new Demo(options, environment, view, out).run();
        return 0;
    }

    private Recording recording() throws IOException {
        return audio == null ? SampleCall.recording() : Recordings.read(audio);
    }
}
