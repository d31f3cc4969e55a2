package dev.callscribe.cli;

import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topics;
import dev.callscribe.tail.JsonLinesView;
import dev.callscribe.tail.StartPosition;
import dev.callscribe.tail.StopCondition;
import dev.callscribe.tail.TailOptions;
import dev.callscribe.tail.TailView;
import dev.callscribe.tail.Terminal;
import dev.callscribe.tail.TerminalView;
import dev.callscribe.tail.TranscriptFollower;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe tail}: follows {@code calls.transcripts} (and with {@code --metrics} {@code calls.metrics}, with
 * {@code --dead-letters} {@code calls.dead-letter}) and
 * prints what arrives, live on a terminal or as JSON lines, until Ctrl-C or, with {@code --max-calls}, until enough
 * calls are final. The work is {@link TranscriptFollower}'s and the views'; this class parses options and wires them.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, description = {
    "Follow call transcripts as they are published: live interim lines and final transcripts with speakers and "
            + "times, or JSON lines. Ctrl-C stops.",
    "Configuration: --set KEY=VALUE > " + EnvironmentVariables.PREFIX + "* environment variables > --config FILE "
            + "> defaults (bootstrap.servers, schema.registry.url, topic.calls.transcripts, topic.calls.metrics, "
            + "topic.calls.dead-letter; other keys go to the Kafka consumer and the serdes)."})
final class TailCommand implements Callable<Integer> {

    /** How long a shutdown hook waits for the follower to close its consumer and the output to be flushed. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--from-beginning", description = "Start at the oldest record the topics keep (default: only "
            + "what is published from now on).")
    private boolean fromBeginning;

    @Option(names = "--call-id", paramLabel = "ID", description = "Show this call only (default: every call).")
    private String callId;

    @Option(names = "--json", description = "One JSON object per record, every revision included, with a \"type\" "
            + "field (transcript or metric), instead of text.")
    private boolean json;

    @Option(names = "--metrics", description = "Also follow calls.metrics: a latency line per call when it is final "
            + "(with --json: every metric record).")
    private boolean metrics;

    @Option(names = "--dead-letters", description = "Also follow calls.dead-letter: one line per rejected record "
            + "(when, stage, reason, where it was read, call, message; with --json every field).")
    private boolean deadLetters;

    @Option(names = "--give-up-after", paramLabel = "SECONDS", defaultValue = "60", description = "Exit with an "
            + "error when Kafka has not answered for this long (default: ${DEFAULT-VALUE}).")
    private long giveUpAfterSeconds;

    @Option(names = "--max-calls", paramLabel = "N", description = "Exit after N calls are final (their combined "
            + "FINAL transcript, and with --metrics their call metric, shown); default: follow until stopped.")
    private Long maxCalls;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private ConfigOptions configOptions;

    private final Map<String, String> environment;
    private final Terminal terminal;
    private final Function<TranscriptFollower, Runnable> onFollowing;

    /** The command as the command line runs it: the process environment, its terminal, a JVM shutdown hook. */
    TailCommand() {
        this(System.getenv(), Terminal.detect(System.getenv()), TailCommand::stopOnShutdown);
    }

    /**
     * The command with its surroundings replaced, for tests.
     *
     * @param environment the environment variables to read
     * @param terminal where standard output goes
     * @param onFollowing given the follower before it starts; arranges for it to be stopped, and returns what to run
     *     once it has returned and the output is flushed
     */
    TailCommand(Map<String, String> environment, Terminal terminal,
                Function<TranscriptFollower, Runnable> onFollowing) {
        this.environment = environment;
        this.terminal = terminal;
        this.onFollowing = onFollowing;
    }

    @Override
    public Integer call() {
        PipelineConfig config = new PipelineConfig(configValues());
        ConnectionOptions.requireSharedRegistry(config);
        TranscriptFollower follower = new TranscriptFollower(config.clientAndSerdeConfig(), options(config));
        TailView view = json ? new JsonLinesView() : TerminalView.on(terminal);
        PrintWriter out = spec.commandLine().getOut();
        Runnable finished = onFollowing.apply(follower);
        try {
            follower.follow(view.writingTo(out));
        } finally {
            out.flush();
            finished.run();
        }
        return 0;
    }

    private Map<String, String> configValues() {
        return configOptions.values(environment, connection.shortcuts());
    }

    private TailOptions options(PipelineConfig config) {
        if (giveUpAfterSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--give-up-after must be positive, was "
                    + giveUpAfterSeconds);
        }
        return TailOptions.defaults()
                .withTopics(new TailOptions.FollowedTopics(config.topic(Topics.TRANSCRIPTS).name(),
                        config.topic(Topics.METRICS).name(), config.topic(Topics.DEAD_LETTER).name()))
                .withMetrics(metrics)
                .withDeadLetters(deadLetters)
                .withGiveUpAfter(Duration.ofSeconds(giveUpAfterSeconds))
                .withStart(fromBeginning ? StartPosition.EARLIEST : StartPosition.LATEST)
                .withCallId(callId)
                .withStopWhen(maxCalls == null ? StopCondition.never() : StopCondition.afterCalls(maxCalls));
    }

    /**
     * Ctrl-C or SIGTERM wakes the follower, which closes its consumer and returns; the hook then waits until the
     * command has flushed its output, since the JVM halts when the hooks end. A follower that ends on its own removes
     * the hook.
     */
    private static Runnable stopOnShutdown(TranscriptFollower follower) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            follower.stop();
            awaitQuietly(finished);
        }, "callscribe-tail-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is shutting down and the hook is running: it has just been released.
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
