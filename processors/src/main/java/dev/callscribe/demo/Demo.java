package dev.callscribe.demo;

import dev.callscribe.app.AppConfig;
import dev.callscribe.app.EffectiveConfig;
import dev.callscribe.app.Pipeline;
import dev.callscribe.app.Roles;
import dev.callscribe.app.RunOptions;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallInfo;
import dev.callscribe.publish.CallPublisher;
import dev.callscribe.publish.Pacing;
import dev.callscribe.publish.PublishClock;
import dev.callscribe.schemas.Topics;
import dev.callscribe.tail.StartPosition;
import dev.callscribe.tail.StopCondition;
import dev.callscribe.tail.TailEvent;
import dev.callscribe.tail.TailOptions;
import dev.callscribe.tail.TailProgress;
import dev.callscribe.tail.TailView;
import dev.callscribe.tail.TranscriptFollower;
import dev.callscribe.transcriber.TranscriberConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The one-command demo: an embedded pipeline (a KRaft broker in this process, a schema registry, the
 * segmenter, transcriber and stitcher), one call published to it as a contact center would publish it, the call's
 * transcript followed live as {@code callscribe tail} shows it, and a latency summary from its metrics. Everything
 * runs in this process and is gone when it ends.
 */
public final class Demo {

    /** How often readiness is checked while the roles join their groups. */
    private static final Duration READY_POLL = Duration.ofMillis(100);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final DemoOptions options;
    private final Map<String, String> environment;
    private final TailView view;
    private final PrintWriter out;

    /**
     * @param environment the process environment ({@code CALLSCRIBE_*} keys, Hugging Face cache settings)
     * @param view        how the live transcript is shown
     * @param out         where the transcript and the summary are written
     */
    public Demo(DemoOptions options, Map<String, String> environment, TailView view, PrintWriter out) {
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.view = view;
        this.out = out;
    }

    /**
     * Runs the demo: starts the pipeline, publishes the call, shows its transcript and returns its latency summary
     * (also written out) once the call is final. Stops the pipeline before returning.
     *
     * @throws IllegalStateException if the pipeline does not start or the call is not final within the timeout
     */
    public LatencySummary run() throws InterruptedException {
        RunOptions runOptions = runOptions();
        TranscriberConfig transcriber = transcriberConfig(runOptions);
        DemoModel.fetch(transcriber.modelSource(), transcriber.modelOptions(), environment, out);
        try (Pipeline pipeline = Pipeline.prepare(runOptions, Roles.available(), environment)) {
            startAndAwaitReady(pipeline);
            PipelineConfig config = new PipelineConfig(pipeline.config().roleConfig());
            String callId = options.call().stem();
            List<LatencyMetric> metrics = new CopyOnWriteArrayList<>();
            TranscriptFollower follower = new TranscriptFollower(config.clientAndSerdeConfig(),
                    tailOptions(config, callId));
            FutureTask<TailProgress> following = startFollowing(follower, collecting(metrics));
            publish(config, callId);
            awaitFinal(pipeline, follower, following);
            LatencySummary summary = LatencySummary.of(callId, metrics);
            out.println();
            summary.lines().forEach(out::println);
            out.flush();
            return summary;
        }
    }

    private RunOptions runOptions() {
        Map<String, String> settings = new HashMap<>();
        settings.put(TranscriberConfig.MODEL_CONFIG, options.model());
        // Free ports, so the demo runs beside a callscribe or a broker already serving the default ones.
        settings.put(AppConfig.METRICS_PORT_CONFIG, "0");
        settings.put(AppConfig.EMBEDDED_KAFKA_PORT_CONFIG, "0");
        settings.put(AppConfig.EMBEDDED_REGISTRY_PORT_CONFIG, "0");
        settings.putAll(options.overrides());
        return new RunOptions(List.of(Roles.ALL), true, options.configFile(), settings);
    }

    /** The transcriber's settings as the pipeline will see them: file, environment and overrides merged. */
    private TranscriberConfig transcriberConfig(RunOptions runOptions) {
        Map<String, String> file = runOptions.configFile().map(EffectiveConfig::readFile).orElse(Map.of());
        return new TranscriberConfig(EffectiveConfig.merge(file, environment, runOptions.overrides()).values());
    }

    private void startAndAwaitReady(Pipeline pipeline) throws InterruptedException {
        out.println("Starting an embedded Kafka broker, a schema registry, the segmenter, the transcriber and the"
                + " stitcher...");
        out.flush();
        long started = System.nanoTime();
        pipeline.start();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (!pipeline.roles().stream().allMatch(PipelineRole::isReady)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the roles were not ready within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(READY_POLL.toMillis());
        }
        out.printf(Locale.ROOT, "Ready in %.1f s%s.%n", (System.nanoTime() - started) / 1e9,
                pipeline.metricsPort().map(port -> "; metrics at http://localhost:" + port + "/metrics").orElse(""));
    }

    private FutureTask<TailProgress> startFollowing(TranscriptFollower follower, Consumer<TailEvent> collector) {
        FutureTask<TailProgress> following = new FutureTask<>(
                () -> follower.follow(view.writingTo(out).andThen(collector)));
        Thread thread = new Thread(following, "callscribe-demo-tail");
        thread.setDaemon(true);
        thread.start();
        return following;
    }

    private void publish(PipelineConfig config, String callId) throws InterruptedException {
        CallChunker call = new CallChunker(CallInfo.of(callId), options.call().audio(), Duration.ofSeconds(1));
        out.printf(Locale.ROOT, "Publishing call %s (%.1f s, %d channels)%s; its transcript:%n%n", callId,
                options.call().audio().durationSeconds(), options.call().audio().channels(),
                options.pacing() == Pacing.REALTIME ? " in real time" : "");
        out.flush();
        try (CallPublisher publisher = CallPublisher.connect(config.clientAndSerdeConfig(), config.topic(Topics.AUDIO),
                PublishClock.system(), progress -> { })) {
            publisher.publish(List.of(call), options.pacing());
        }
    }

    /** Waits for the follower to see the call final, failing early if a role fails meanwhile. */
    private void awaitFinal(Pipeline pipeline, TranscriptFollower follower, FutureTask<TailProgress> following)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        try {
            while (!following.isDone()) {
                failIfARoleFailed(pipeline, follower);
                if (System.nanoTime() > deadline) {
                    follower.stop();
                    throw new IllegalStateException("the call was not final within " + options.timeout().toSeconds()
                            + " s of being published");
                }
                try {
                    following.get(READY_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // Not yet: check the roles and the deadline again.
                }
            }
            following.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("following the transcript failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static void failIfARoleFailed(Pipeline pipeline, TranscriptFollower follower) {
        pipeline.roles().stream().filter(role -> !role.isHealthy()).findFirst().ifPresent(role -> {
            follower.stop();
            throw new IllegalStateException("the " + role.name() + " failed; its log says why");
        });
    }

    private static TailOptions tailOptions(PipelineConfig config, String callId) {
        return TailOptions.defaults()
                .withTopics(new TailOptions.FollowedTopics(config.topic(Topics.TRANSCRIPTS).name(),
                        config.topic(Topics.METRICS).name(), config.topic(Topics.DEAD_LETTER).name()))
                .withMetrics(true)
                .withStart(StartPosition.EARLIEST)
                .withCallId(callId)
                .withStopWhen(StopCondition.afterCalls(1));
    }

    private static Consumer<TailEvent> collecting(List<LatencyMetric> metrics) {
        return event -> {
            if (event instanceof TailEvent.OfMetric metric) {
                metrics.add(metric.metric());
            }
        };
    }
}
