package dev.callscribe.cli;

import dev.callscribe.app.AppConfig;
import dev.callscribe.app.Secrets;
import dev.callscribe.app.embedded.EmbeddedStack;
import dev.callscribe.pipeline.PipelineConfig;
import java.io.PrintWriter;
import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.app.Pipeline;
import dev.callscribe.app.Roles;
import dev.callscribe.app.RunOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe run}: starts pipeline roles in this process and runs until the process is stopped (SIGTERM,
 * Ctrl-C), then stops them gracefully. The work is {@link Pipeline}'s; this class parses options and waits.
 *
 * <p>Exit status: 0 after a clean stop on SIGTERM or Ctrl-C; 1 when start-up failed, when a role stopped for good
 * while running (the process stops by itself, so that a supervisor restarts it), or when the stop was not clean.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Run pipeline roles in this process until stopped (Ctrl-C or SIGTERM stops them gracefully).",
    "Configuration: --set KEY=VALUE > " + EnvironmentVariables.PREFIX + "* environment variables > --config FILE "
            + "> defaults (see README, 'Running the pipeline')."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--role", split = ",", defaultValue = Roles.ALL, paramLabel = "ROLE",
            description = "segmenter, transcriber, stitcher or all; several may be given, comma-separated "
                    + "(default: ${DEFAULT-VALUE}).")
    private List<String> roles;

    @Option(names = "--embedded", description = "Also run a Kafka broker and a schema registry in this process, on "
            + "127.0.0.1:9092 and http://127.0.0.1:8081 (the embedded.* keys change them), and point the roles at "
            + "them; other processes (publish, tail, Kafka clients) use them too. Data is deleted at shutdown unless "
            + "embedded.data.dir is set.")
    private boolean embedded;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    private final Roles available;
    private final Map<String, String> environment;
    private final Consumer<Pipeline> onPrepared;

    /** The command as the command line runs it: the build's roles, the process environment, a JVM shutdown hook. */
    RunCommand() {
        this(Roles.available(), System.getenv(), RunCommand::closeOnShutdown);
    }

    /**
     * The command with its surroundings replaced, for tests.
     *
     * @param available the roles that can be run
     * @param environment the environment variables to read
     * @param onPrepared given the pipeline before it starts; arranges for it to be closed
     */
    RunCommand(Roles available, Map<String, String> environment, Consumer<Pipeline> onPrepared) {
        this.available = available;
        this.environment = environment;
        this.onPrepared = onPrepared;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunOptions options = new RunOptions(roles, embedded, configOptions.configFile(), configOptions.overrides());
        Pipeline pipeline = Pipeline.prepare(options, available, environment);
        onPrepared.accept(pipeline);
        pipeline.start();
        pipeline.embeddedStack().ifPresent(stack -> printAddresses(stack, pipeline.config().appConfig()));
        pipeline.awaitClosed();
        // Thrown, a failure is reported in one line and the command exits 1 (see Main).
        pipeline.failure().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        if (!pipeline.stoppedCleanly()) {
            throw new IllegalStateException("stopped, but not cleanly: see the warnings above");
        }
        return 0;
    }

    /** What another process needs to join the embedded stack, on standard output where a user looks for it. */
    private void printAddresses(EmbeddedStack stack, AppConfig config) {
        String bootstrap = config.getString(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG);
        String registry = config.getString(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Embedded Kafka broker and schema registry ready; other processes connect with:");
        out.println("  " + PipelineConfig.BOOTSTRAP_SERVERS_CONFIG + "=" + bootstrap);
        out.println("  " + PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG + "=" + Secrets.masked(
                PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registry));
        out.println("for example: callscribe publish call.wav --bootstrap-servers " + bootstrap + " --registry-url "
                + Secrets.masked(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registry));
        out.println(stack.isTemporary()
                ? "Data is deleted when this process stops (set " + AppConfig.EMBEDDED_DATA_DIR_CONFIG
                        + " to keep it)."
                : "Data is kept in " + stack.dataDirectory() + ".");
        out.flush();
    }

    /**
     * SIGTERM and Ctrl-C close the pipeline and the command returns its status (0 after a clean stop); any other
     * end of the JVM runs the hook. Both are in place before anything starts, so a signal during start-up also
     * stops what has started.
     */
    private static void closeOnShutdown(Pipeline pipeline) {
        StopSignals.install(pipeline::close);
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "callscribe-shutdown"));
    }
}
