package dev.callscribe.cli;

import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.avro.SchemaNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one-command demo. Until the pipeline exists it says so, and shows the topics and Avro contract the demo will
 * run on.
 */
@Command(name = "demo", description = "Run the end-to-end demo (not built yet: shows the topic contract).")
final class DemoCommand implements Callable<Integer> {

    /** Exit status when the requested work does not exist yet. */
    static final int NOT_AVAILABLE = 3;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("callscribe demo is not built yet. When it is, it will start an embedded Kafka broker,");
        out.println("an in-memory schema registry and every role in this process, publish a sample two-channel");
        out.println("call, print its live transcript and a latency summary, and exit.");
        out.println();
        out.println("The topics it will use, with their registry subjects and Avro schema fingerprints:");
        for (Topic<?> topic : Topics.ALL) {
            long fingerprint = SchemaNormalization.parsingFingerprint64(topic.valueSchema());
            out.printf("  %-26s %-32s %-18s %016x%n", topic.name(), topic.valueSubject(),
                    topic.valueType().getSimpleName(), fingerprint);
        }
        out.flush();
        return NOT_AVAILABLE;
    }
}
