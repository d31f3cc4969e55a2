package dev.callscribe.it.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.it.failures.Backbone;
import dev.callscribe.it.scale.CallWave;
import dev.callscribe.it.scale.CommittedOutput;
import dev.callscribe.it.scale.RunProcess;
import dev.callscribe.it.scale.ScaleSetup;
import dev.callscribe.it.scale.TestPipeline;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.publish.Pacing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak benchmark (the {@code soak} Maven profile; not part of the default suite): N concurrent live calls, wave
 * after wave, for M minutes through one {@code callscribe run} process, sampling once a minute its heap after a full
 * GC, its state stores on disk and the changelog topics on the broker. All three must stay flat: state is released
 * when calls end, and compaction keeps the changelogs to what the stores hold. The table goes to standard output.
 *
 * <p>{@code -Dcallscribe.soak.calls=N} (default 8) and {@code -Dcallscribe.soak.minutes=M} (default 30).
 */
class SoakTest {

    private static final int CALLS = Integer.getInteger("callscribe.soak.calls", 8);
    private static final int MINUTES = Integer.getInteger("callscribe.soak.minutes", 30);
    private static final int PARTITIONS = 4;
    /**
     * How much higher a figure may peak in the last third of the run than in the middle third and still count as
     * flat. The first third is warm-up: the JVM, the stores, and the changelogs until their first segments close
     * (after 10 minutes) and compaction starts cleaning them.
     */
    private static final double FLAT = 1.25;
    /**
     * Added to the allowance: these figures move in steps (RocksDB writes its files a memtable at a time, a changelog
     * drops by a segment when compaction runs, the heap by what the last GC found live), which at a few MB are larger
     * than a quarter.
     */
    private static final long STEP_BYTES = 16_000_000;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FINALS_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path workDir;

    @Test
    void shouldKeepHeapStateAndChangelogsFlatUnderAStreamOfLiveCalls() throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        try (Backbone backbone = Backbone.start(workDir.resolve("broker"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     backbone.bootstrapServers()))) {
            ScaleSetup setup = new ScaleSetup(backbone.registryUrl(), workDir, PARTITIONS, PARTITIONS);
            TestPipeline pipeline = new TestPipeline("soak", backbone.bootstrapServers());
            try (RunProcess process = setup.run(pipeline, "all", "all").awaitReady()) {
                SoakProbe probe = new SoakProbe(process, workDir.resolve("soak").resolve("all"), admin);
                System.out.println("Soak: " + CALLS + " concurrent live calls for " + MINUTES + " minutes");
                System.out.println(SoakSample.header());
                long start = System.nanoTime();
                int nextMinute = 0;
                for (int wave = 1; minutesSince(start) < MINUTES; wave++) {
                    CallWave calls = CallWave.coveringEveryPartition("soak" + wave, CALLS, PARTITIONS);
                    CallscribeProcess publisher = setup.publish(pipeline, calls, Pacing.REALTIME);
                    assertThat(publisher.awaitExit(PUBLISH_TIMEOUT)).as(publisher.logTail()).isZero();
                    callIds.addAll(calls.callIds());
                    for (; nextMinute <= minutesSince(start); nextMinute++) {
                        samples.add(print(probe.sample(nextMinute, callIds.size())));
                    }
                }
                new CommittedOutput(backbone.bootstrapServers(), backbone.registryUrl())
                        .awaitCombinedFinals(callIds, FINALS_TIMEOUT);
                samples.add(print(probe.sample(MINUTES, callIds.size())));
            }
        }
        assertFlat(samples);
    }

    private static void assertFlat(List<SoakSample> samples) {
        List<SoakSample> middle = samples.stream()
                .filter(s -> s.minute() >= MINUTES / 3 && s.minute() < 2 * MINUTES / 3).toList();
        List<SoakSample> last = samples.stream().filter(s -> s.minute() >= 2 * MINUTES / 3).toList();
        assertThat(peak(last, SoakSample::heapAfterGcBytes)).as("heap after GC")
                .isLessThanOrEqualTo(allowance(middle, SoakSample::heapAfterGcBytes));
        assertThat(peak(last, SoakSample::stateBytes)).as("state stores")
                .isLessThanOrEqualTo(allowance(middle, SoakSample::stateBytes));
        assertThat(peak(last, SoakSample::changelogBytes)).as("changelogs")
                .isLessThanOrEqualTo(allowance(middle, SoakSample::changelogBytes));
    }

    private static long allowance(List<SoakSample> samples, ToLongFunction<SoakSample> figure) {
        return (long) (peak(samples, figure) * FLAT) + STEP_BYTES;
    }

    private static long peak(List<SoakSample> samples, ToLongFunction<SoakSample> figure) {
        return samples.stream().mapToLong(figure).max().orElseThrow();
    }

    private static SoakSample print(SoakSample sample) {
        System.out.println(sample.row());
        return sample;
    }

    private static long minutesSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMinutes();
    }
}
