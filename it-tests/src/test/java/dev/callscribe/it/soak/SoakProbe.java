package dev.callscribe.it.soak;

import dev.callscribe.it.scale.RunProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/** Takes a {@link SoakSample} of one {@code callscribe run} process, its state directory and its broker. */
final class SoakProbe {

    private static final String CHANGELOG_SUFFIX = "-changelog";

    private final RunProcess process;
    private final Path stateDirectory;
    private final Admin admin;

    SoakProbe(RunProcess process, Path stateDirectory, Admin admin) {
        this.process = process;
        this.stateDirectory = stateDirectory;
        this.admin = admin;
    }

    SoakSample sample(int minute, long calls) {
        return new SoakSample(minute, calls, heapAfterGc(), directorySize(stateDirectory), changelogBytes());
    }

    /** Asks the process for a full GC ({@code jcmd PID GC.run}), then reads its heap in use from its meters. */
    private long heapAfterGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + process.pid() + " GC.run failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return (long) process.meter("jvm_memory_used_bytes", "area=\"heap\"");
    }

    private long changelogBytes() {
        try {
            return admin.describeLogDirs(admin.describeCluster().nodes().get().stream().map(Node::id)
                            .toList()).allDescriptions().get().values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .map(LogDirDescription::replicaInfos)
                    .flatMap(replicas -> replicas.entrySet().stream())
                    .filter(replica -> replica.getKey().topic().endsWith(CHANGELOG_SUFFIX))
                    .mapToLong(replica -> replica.getValue().size())
                    .sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the broker's log directories", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long directorySize(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(SoakProbe::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            // RocksDB renames and deletes files while they are counted: count again next minute.
            return -1;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
