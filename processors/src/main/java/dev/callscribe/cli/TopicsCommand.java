package dev.callscribe.cli;

import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.app.TopicSetup;
import dev.callscribe.pipeline.PipelineConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe topics create}: what {@code run} does before its roles start when {@code topics.create} is true,
 * alone: creates the pipeline's missing topics and prepares their registry subjects, then exits. For deployments
 * whose roles run with {@code topics.create=false} (no topic-creation rights): a compose service or a Kubernetes
 * job runs it first. The work is {@link TopicSetup}'s.
 */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Set up the pipeline's topics.",
        subcommands = TopicsCommand.Create.class)
final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: callscribe topics create");
    }

    /** {@code callscribe topics create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Create the pipeline's missing topics (topics.partitions, topics.windows.partitions, "
                + "topics.replication.factor; existing topics are left as they are), register their Avro schemas "
                + "and set their subjects' compatibility (topics.subject.compatibility, FULL by default), then exit.",
        "Configuration: --set KEY=VALUE > " + EnvironmentVariables.PREFIX + "* environment variables > --config FILE "
                + "> defaults, as for run."})
    static final class Create implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ConnectionOptions connection;

        @Mixin
        private ConfigOptions configOptions;

        private final Map<String, String> environment;

        /** The command as the command line runs it, reading the process environment. */
        Create() {
            this(System.getenv());
        }

        /** The command reading configuration from the given environment variables, for tests. */
        Create(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PipelineConfig config = new PipelineConfig(configOptions.values(environment, connection.shortcuts()));
            ConnectionOptions.requireSharedRegistry(config);
            PrintWriter out = spec.commandLine().getOut();
            TopicSetup.apply(config).forEach(out::println);
            out.flush();
            return 0;
        }
    }
}
