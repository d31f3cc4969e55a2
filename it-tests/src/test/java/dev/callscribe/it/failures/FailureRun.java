package dev.callscribe.it.failures;

import dev.callscribe.it.scale.CallWave;
import dev.callscribe.it.scale.ScaleSetup;
import dev.callscribe.it.scale.TestPipeline;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.publish.Pacing;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One run: a wave of live calls published into the pipeline while the plan's faults happen (timed from its first
 * chunks on calls.audio), the supervisor restarting
 * what exits, until every call has its combined FINAL; then what the pipeline committed for those calls is read.
 */
final class FailureRun {

    /** How often the run's loop looks at the clock, the plan and the processes. */
    private static final Duration TICK = Duration.ofMillis(200);
    /** Live calls of up to 33 s, a JVM start before them, and outages during them. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(180);
    /** From the last chunk to every combined FINAL, restarts and outages included. */
    private static final Duration FINALS_TIMEOUT = Duration.ofSeconds(240);
    /** Between two reads of the transcripts topic while waiting for FINALs: a read costs the loaded machine. */
    private static final Duration FINALS_CHECK = Duration.ofSeconds(2);

    private final ScaleSetup setup;
    private final TestPipeline pipeline;
    private final Fleet fleet;
    private final FaultInjector injector;
    private final String registryUrl;
    private final AudioOnTheAir audio;

    /** @param partitions the partitions of calls.audio */
    FailureRun(ScaleSetup setup, TestPipeline pipeline, Fleet fleet, FaultInjector injector, String registryUrl,
               int partitions) {
        this.audio = new AudioOnTheAir(pipeline.bootstrapServers(), partitions);
        this.setup = setup;
        this.pipeline = pipeline;
        this.fleet = fleet;
        this.injector = injector;
        this.registryUrl = registryUrl;
    }

    /** What is committed for the wave's calls now. */
    RunRecords recordsOf(CallWave wave) {
        return RunRecords.read(pipeline.bootstrapServers(), registryUrl, wave.callIds());
    }

    /**
     * Runs the wave through the plan's faults and returns what was committed for its calls.
     *
     * @throws AssertionError naming the seed when the publisher fails or the calls do not all end in time
     */
    RunRecords run(CallWave wave, FaultPlan plan) {
        int restartsBefore = fleet.restarts();
        long before = audio.ends();
        CallscribeProcess publisher = setup.publish(pipeline, wave, Pacing.REALTIME);
        try {
            audio.awaitMoreThan(before);
            long start = System.nanoTime();
            Deque<FaultPlan.Planned> pending = new ArrayDeque<>(plan.faults());
            while (publisher.isAlive() || !pending.isEmpty() || !injector.isIdle()) {
                injectDue(pending, start);
                injector.endDueOutages();
                fleet.restartExited();
                pause(TICK);
                if (System.nanoTime() - start > PUBLISH_TIMEOUT.toNanos()) {
                    throw new AssertionError("seed " + plan.seed() + ": publishing took longer than "
                            + PUBLISH_TIMEOUT + "\n" + publisher.logTail());
                }
            }
            int status = publisher.awaitExit(Duration.ZERO);
            if (status != 0) {
                throw new AssertionError("seed " + plan.seed() + ": publish exited with " + status + "\n"
                        + publisher.logTail());
            }
            RunRecords records = awaitFinals(wave.callIds(), plan);
            fleet.awaitReady();
            return records.withRestarts(fleet.restarts() - restartsBefore);
        } finally {
            publisher.close();
        }
    }

    private void injectDue(Deque<FaultPlan.Planned> pending, long start) {
        while (!pending.isEmpty() && System.nanoTime() - start >= pending.peekFirst().at().toNanos()) {
            injector.inject(pending.pollFirst());
        }
    }

    /** Waits for every call's combined FINAL, restarting what exits meanwhile, then reads the run's records. */
    private RunRecords awaitFinals(List<String> callIds, FaultPlan plan) {
        long deadline = System.nanoTime() + FINALS_TIMEOUT.toNanos();
        long nextCheck = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            fleet.restartExited();
            if (System.nanoTime() - nextCheck >= 0) {
                if (RunRecords.finalsOf(pipeline.bootstrapServers(), registryUrl, callIds).size() == callIds.size()) {
                    return RunRecords.read(pipeline.bootstrapServers(), registryUrl, callIds);
                }
                nextCheck = System.nanoTime() + FINALS_CHECK.toNanos();
            }
            pause(TICK);
        }
        throw new AssertionError("seed " + plan.seed() + " " + plan.faults() + ": no combined FINAL for every call "
                + "of " + callIds + " within " + FINALS_TIMEOUT + "; read: "
                + RunRecords.read(pipeline.bootstrapServers(), registryUrl, callIds));
    }

    /** The run's loop tick: the pipeline works meanwhile; nothing is awaited by this pause. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
