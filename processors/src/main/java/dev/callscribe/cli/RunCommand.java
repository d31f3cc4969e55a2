package dev.callscribe.cli;

import dev.callscribe.app.AppConfig;
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
import picocli.CommandLine.Option;

/**
 * {@code callscribe run}: starts pipeline roles in this process and runs until the process is stopped (SIGTERM,
 * Ctrl-C), then stops them gracefully. The work is {@link Pipeline}'s; this class parses options and waits.
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

    @Option(names = "--embedded", description = "Start an in-process Kafka broker for the roles; the schema registry "
            + "is " + AppConfig.EMBEDDED_SCHEMA_REGISTRY_URL + " unless schema.registry.url is set.")
    private boolean embedded;

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
        pipeline.awaitClosed();
        return 0;
    }

    /** The hook is in place before anything starts, so a signal during start-up also stops what has started. */
    private static void closeOnShutdown(Pipeline pipeline) {
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "callscribe-shutdown"));
    }
}
