package dev.callscribe.cli;

import dev.callscribe.app.EnvironmentVariables;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.deadletters.DeadLetterFilter;
import dev.callscribe.deadletters.DeadLetterReader;
import dev.callscribe.deadletters.DeadLetterReader.ReadSummary;
import dev.callscribe.deadletters.DeadLetterReplay;
import dev.callscribe.deadletters.DeadLetterViews;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topics;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callscribe dead-letters list|replay}: what {@code calls.dead-letter} holds now, and sending the rejected
 * records back to their source topics once the cause is fixed (the runbook in docs/operations.md). The work is
 * {@link DeadLetterReader}'s and {@link DeadLetterReplay}'s; this class parses options and prints.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List or replay the records the pipeline rejected.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list or replay");
    }

    /** Which letters, and where they are: the options both subcommands share. A picocli mixin. */
    static final class Selection {

        @Option(names = "--reason", split = ",", paramLabel = "REASON", description = "Only letters of these reasons "
                + "(comma-separated or repeated): ${COMPLETION-CANDIDATES}.")
        private List<DeadLetterReason> reasons = List.of();

        @Option(names = "--call-id", paramLabel = "ID", description = "Only letters of this call.")
        private String callId;

        @Option(names = "--source-topic", paramLabel = "TOPIC", description = "Only letters of records read from "
                + "this topic.")
        private String sourceTopic;

        @Mixin
        private ConnectionOptions connection;

        @Mixin
        private ConfigOptions configOptions;

        DeadLetterFilter filter() {
            DeadLetterFilter filter = DeadLetterFilter.all()
                    .withReasons(reasons.isEmpty() ? EnumSet.noneOf(DeadLetterReason.class) : EnumSet.copyOf(reasons));
            filter = callId == null ? filter : filter.withCallId(callId);
            return sourceTopic == null ? filter : filter.withSourceTopic(sourceTopic);
        }

        PipelineConfig config(Map<String, String> environment) {
            PipelineConfig config = new PipelineConfig(configOptions.values(environment, connection.shortcuts()));
            ConnectionOptions.requireSharedRegistry(config);
            return config;
        }

        static DeadLetterReader reader(PipelineConfig config) {
            return new DeadLetterReader(config.clientAndSerdeConfig(), config.topic(Topics.DEAD_LETTER).name());
        }
    }

    /** {@code callscribe dead-letters list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = {
        "Print the dead letters calls.dead-letter holds now, oldest first per partition: when, which stage, the "
                + "reason, where the record was read (topic-partition@offset), the call and what was wrong. Exits "
                + "at the end.",
        "Configuration: --set KEY=VALUE > " + EnvironmentVariables.PREFIX + "* environment variables > --config "
                + "FILE > defaults (bootstrap.servers, schema.registry.url, topic.calls.dead-letter)."})
    static final class ListLetters implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Selection selection;

        @Option(names = "--json", description = "One JSON object per letter, every field (the original key and value "
                + "as base64), instead of text.")
        private boolean json;

        private final Map<String, String> environment;

        ListLetters() {
            this(System.getenv());
        }

        ListLetters(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PipelineConfig config = selection.config(environment);
            PrintWriter out = spec.commandLine().getOut();
            ReadSummary summary = Selection.reader(config).read(selection.filter(),
                    stored -> out.println(json ? DeadLetterViews.json(stored) : DeadLetterViews.line(stored)));
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%d of %d dead letters on %s matched%s%n", summary.matched(), summary.read(),
                    config.topic(Topics.DEAD_LETTER).name(), undecodable(summary));
            err.flush();
            return 0;
        }
    }

    /** {@code callscribe dead-letters replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
        "Send the records of the chosen dead letters back to the topics they were read from, byte for byte, once "
                + "the cause is fixed; each carries a " + DeadLetterReplay.REPLAYED_FROM_HEADER + " header. The "
                + "letters stay where they are. Replaying the same letters twice sends their records twice (the "
                + "pipeline drops repeated chunks as DUPLICATE_SEQ).",
        "Configuration: as for list."})
    static final class Replay implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Selection selection;

        @Option(names = "--dry-run", description = "Print the letters that would be replayed; send nothing.")
        private boolean dryRun;

        private final Map<String, String> environment;

        Replay() {
            this(System.getenv());
        }

        Replay(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PipelineConfig config = selection.config(environment);
            PrintWriter out = spec.commandLine().getOut();
            long[] skipped = new long[1];
            try (DeadLetterReplay replay = new DeadLetterReplay(config.clientConfig())) {
                ReadSummary summary = Selection.reader(config).read(selection.filter(), stored -> {
                    if (!DeadLetterReplay.isReplayable(stored.letter())) {
                        skipped[0]++;
                    } else if (dryRun) {
                        out.println("would replay " + DeadLetterViews.line(stored));
                    } else {
                        replay.send(stored);
                    }
                });
                Map<String, Long> sent = dryRun ? Map.of() : replay.finish();
                out.println(report(summary, sent, skipped[0]));
            }
            out.flush();
            return 0;
        }

        private String report(ReadSummary summary, Map<String, Long> sent, long skipped) {
            long replayed = sent.values().stream().mapToLong(Long::longValue).sum();
            String verb = dryRun ? "would replay " + (summary.matched() - skipped) : "replayed " + replayed;
            return verb + " of " + summary.matched() + " matching dead letters" + (sent.isEmpty() ? "" : " " + sent)
                    + (skipped == 0 ? "" : "; " + skipped + " without their original record")
                    + undecodable(summary);
        }
    }

    private static String undecodable(ReadSummary summary) {
        return summary.undecodable() == 0 ? "" : " (" + summary.undecodable() + " records were not dead letters)";
    }
}
