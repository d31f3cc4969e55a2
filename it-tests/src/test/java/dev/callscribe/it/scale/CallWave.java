package dev.callscribe.it.scale;

import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.publish.CallNaming;
import dev.callscribe.publish.Pacing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * One {@code callscribe publish --calls N --call-id BASE} run: N concurrent calls named {@code BASE-0001} ...
 * {@code BASE-000N}, call i replaying recording i mod the number of recordings.
 *
 * <p>Calls go to partitions by the hash of their id, so a handful of calls can miss a partition, and the process
 * owning it would get no work from them. {@link #coveringEveryPartition} picks a base whose ids land on every
 * partition of topics of the given sizes (every topic is keyed by call id, so calls.audio, calls.windows and
 * calls.window-transcripts partition a call alike by their size): then every member of a group holding a
 * partition is sure to get some of the wave's work.
 *
 * @param base  the base of the call ids
 * @param calls how many calls
 */
public record CallWave(String base, int calls) {

    private static final int MOST_BASES_TRIED = 100_000;

    /**
     * The first wave {@code prefix-1}, {@code prefix-2}, ... whose {@code calls} ids land on every partition of
     * topics with each of the {@code partitionCounts}.
     */
    public static CallWave coveringEveryPartition(String prefix, int calls, int... partitionCounts) {
        for (int attempt = 1; attempt <= MOST_BASES_TRIED; attempt++) {
            CallWave wave = new CallWave(prefix + "-" + attempt, calls);
            if (IntStream.of(partitionCounts).allMatch(wave::coversEveryPartition)) {
                return wave;
            }
        }
        throw new IllegalArgumentException("no base of " + calls + " call ids after " + MOST_BASES_TRIED
                + " tries covers every partition of topics of sizes " + List.of(partitionCounts));
    }

    /** The call ids, as {@code callscribe publish} names them. */
    public List<String> callIds() {
        CallNaming naming = CallNaming.fixed(base);
        return IntStream.range(0, calls).mapToObj(index -> naming.idOf(null, index, calls)).toList();
    }

    /**
     * Starts {@code callscribe publish} for this wave's calls; returns at once. Its exit status is 0 once every chunk
     * is acknowledged.
     *
     * @param recordings what the calls replay, in turn
     * @param audioTopic the calls.audio topic to publish to
     */
    public CallscribeProcess publish(List<Path> recordings, Pacing pacing, String bootstrapServers,
                                     String registryUrl, String audioTopic) {
        List<String> arguments = new ArrayList<>(List.of("publish"));
        recordings.forEach(recording -> arguments.add(recording.toString()));
        arguments.addAll(List.of("--calls", String.valueOf(calls), "--call-id", base, "--no-progress",
                "--bootstrap-servers", bootstrapServers, "--registry-url", registryUrl, "--topic", audioTopic));
        if (pacing == Pacing.REALTIME) {
            arguments.add("--realtime");
        }
        return CallscribeProcess.start("publish-" + base, arguments, Map.of());
    }

    private boolean coversEveryPartition(int partitionCount) {
        Set<Integer> partitions = new HashSet<>();
        callIds().forEach(callId -> partitions.add(partitionOf(callId, partitionCount)));
        return partitions.size() == partitionCount;
    }

    /** The partition of a topic of {@code partitionCount} partitions that a call id goes to, as producers choose it. */
    private static int partitionOf(String callId, int partitionCount) {
        return BuiltInPartitioner.partitionForKey(callId.getBytes(StandardCharsets.UTF_8), partitionCount);
    }
}
