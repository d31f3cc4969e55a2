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
 * <p>{@code -Dcallscribe.soak.calls=N} (default 8) and {@code -Dcallscribe.soak.minutes=M} (default 10).
 */
class SoakTest {

    private static final int CALLS = Integer.getInteger("callscribe.soak.calls", 8);
    private static final int MINUTES = Integer.getInteger("callscribe.soak.minutes", 10);
    private static final int PARTITIONS = 4;
    /** Minutes before the first sample compared: the JVM warms up and the first calls fill the stores. */
    private static final int WARM_UP_MINUTES = 2;
    /** How much a figure may grow from the end of the warm-up to the end and still count as flat. */
    private static final double FLAT = 1.5;
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
        SoakSample warm = samples.stream().filter(s -> s.minute() >= WARM_UP_MINUTES).findFirst().orElseThrow();
        SoakSample last = samples.get(samples.size() - 1);
        assertThat(last.heapAfterGcBytes()).as("heap after GC").isLessThan((long) (warm.heapAfterGcBytes() * FLAT));
        assertThat(last.stateBytes()).as("state stores").isLessThan((long) (warm.stateBytes() * FLAT));
        assertThat(last.changelogBytes()).as("changelogs").isLessThan((long) (warm.changelogBytes() * FLAT));
    }

    private static SoakSample print(SoakSample sample) {
        System.out.println(sample.row());
        return sample;
    }

    private static long minutesSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMinutes();
    }
}
