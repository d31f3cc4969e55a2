package dev.callscribe.it.failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.it.scale.CallWave;
import dev.callscribe.it.scale.ScaleSetup;
import dev.callscribe.it.scale.TestPipeline;
import dev.callscribe.transcriber.TranscriberConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures across processes: the pipeline as separate JVMs (two {@code segmenter,stitcher} processes, two
 * transcribers) on a broker and a registry that the test can take away, under a supervisor that starts again what
 * exits. Each run publishes a wave of live calls while faults happen at times drawn from a seed: {@code kill -9} of a
 * transcriber or of a Streams process, a broker restart, a registry outage longer than its clients retry, a
 * transcriber hung past its transaction timeout. After each run every call must have exactly one FINAL per channel
 * and one combined, with the text of the run without failures; each window must be committed once on calls.windows
 * and once on calls.window-transcripts; no dead letter. Windows are cut in the chunked mode and the oracle model writes
 * deterministic words, so the texts do not depend on timing.
 *
 * <p>By default two runs of three faults each cover every kind of fault. {@code -Dcallscribe.failures.kills=N} (the
 * {@code failures} Maven profile sets 100) instead runs five drawn faults a run, kills the likeliest, until N kills
 * have happened. The seed is
 * printed and named in every failure; {@code -Dcallscribe.failures.seed=S} repeats a sequence.
 */
class FailureInjectionTest {

    private static final int PARTITIONS = 4;
    private static final int CALLS_PER_RUN = 4;
    private static final String SEED_PROPERTY = "callscribe.failures.seed";
    private static final String KILLS_PROPERTY = "callscribe.failures.kills";
    /** What a hung transcriber outlasts: the default, which the processes run with. */
    private static final Duration TRANSACTION_TIMEOUT =
            Duration.ofMillis(TranscriberConfig.DEFAULT_TRANSACTION_TIMEOUT_MS);
    /** Faults happen while the calls are live (they last 29 and 33 s). */
    private static final Duration FIRST_FAULT = Duration.ofSeconds(4);
    private static final Duration LAST_FAULT = Duration.ofSeconds(26);
    private static final List<List<Fault>> DEFAULT_RUNS = List.of(
            List.of(Fault.KILL_TRANSCRIBER, Fault.RESTART_BROKER, Fault.HANG_TRANSCRIBER),
            List.of(Fault.KILL_STREAMS, Fault.REGISTRY_OUTAGE, Fault.KILL_TRANSCRIBER));

    @TempDir
    static Path workDir;

    private static Backbone backbone;
    private static Fleet fleet;
    private static RunRecords baselineRun;
    private static final Map<FaultPlan, RunRecords> RUNS = new LinkedHashMap<>();
    private static final Map<FaultPlan, List<String>> ANOMALIES = new LinkedHashMap<>();

    @BeforeAll
    static void runCallsThroughFaults() {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        System.out.println("Failure runs with seed " + seed + " (repeat with -D" + SEED_PROPERTY + "=" + seed + ")");
        backbone = Backbone.start(workDir.resolve("broker"));
        ScaleSetup setup = new ScaleSetup(backbone.registryUrl(), workDir, PARTITIONS, PARTITIONS);
        TestPipeline pipeline = new TestPipeline("failures", backbone.bootstrapServers());
        fleet = new Fleet(setup, pipeline);
        List.of("streams-1", "streams-2").forEach(name -> fleet.add(name, Fleet.Kind.STREAMS));
        List.of("worker-1", "worker-2").forEach(name -> fleet.add(name, Fleet.Kind.TRANSCRIBER));
        fleet.awaitReady();
        FailureRun runner = new FailureRun(setup, pipeline, fleet,
                new FaultInjector(backbone, fleet, TRANSACTION_TIMEOUT), backbone.registryUrl(), PARTITIONS);

        baselineRun = runner.run(wave("baseline"), new FaultPlan(seed, List.of()));
        RunCheck check = new RunCheck(RunCheck.Baseline.of(baselineRun, setup.recordings().size()),
                setup.recordings().size());
        for (FaultPlan plan : plans(seed)) {
            CallWave wave = wave("run" + (RUNS.size() + 1));
            try {
                RunRecords run = runner.run(wave, plan);
                RUNS.put(plan, run);
                ANOMALIES.put(plan, check.anomalies(run));
            } catch (AssertionError stalled) {
                // A run that never finished is an anomaly of its own; the next run starts on fresh processes.
                RUNS.put(plan, runner.recordsOf(wave));
                ANOMALIES.put(plan, List.of("stalled: " + stalled.getMessage()));
                fleet.restartAll();
            }
            System.out.println(line(plan, RUNS.get(plan)));
        }
        System.out.println(summary(seed));
    }

    @AfterAll
    static void stopEverything() {
        if (fleet != null) {
            fleet.close();
        }
        if (backbone != null) {
            backbone.close();
        }
    }

    @Test
    void shouldTranscribeEveryCallOfTheRunWithoutFailures() {
        // Given the calls published with nothing going wrong (before all)
        // Then each has its FINALs with words in them, and no dead letter
        for (String callId : baselineRun.callIds()) {
            assertThat(baselineRun.finalsOf(callId)).as(callId).containsOnlyKeys(0, 1, -1)
                    .allSatisfy((channel, finals) -> assertThat(finals).singleElement()
                            .satisfies(t -> assertThat(t.getText()).isNotBlank()));
        }
        assertThat(baselineRun.windows()).isNotEmpty();
        assertThat(baselineRun.deadLetters()).isEmpty();
    }

    @Test
    void shouldGiveEveryCallOfEveryFailureRunTheFinalsOfTheRunWithoutFailuresOnceAndNothingTwice() {
        // Given runs of live calls with processes killed, hung, and servers restarted (before all)
        // Then no run shows an anomaly: a missing, doubled or different FINAL, a doubled window, a dead letter
        assertThat(RUNS).isNotEmpty();
        ANOMALIES.forEach((plan, anomalies) -> assertThat(anomalies)
                .as("seed %d, faults %s (repeat with -D%s=%d)", plan.seed(), plan.faults(), SEED_PROPERTY,
                        plan.seed()).isEmpty());
    }

    @Test
    void shouldHaveStartedAgainTheProcessesThatWereKilled() {
        // Given runs with kills (before all)
        // Then the supervisor started at least as many processes as were killed, and the pipeline carried on
        long kills = RUNS.keySet().stream().mapToLong(FaultPlan::kills).sum();
        int restarts = RUNS.values().stream().mapToInt(RunRecords::restarts).sum();
        assertThat(restarts).isGreaterThanOrEqualTo((int) kills);
    }

    private static List<FaultPlan> plans(long seed) {
        Long kills = Long.getLong(KILLS_PROPERTY);
        List<FaultPlan> plans = new ArrayList<>();
        if (kills == null) {
            for (int run = 0; run < DEFAULT_RUNS.size(); run++) {
                plans.add(FaultPlan.of(seed + run, DEFAULT_RUNS.get(run), FIRST_FAULT, LAST_FAULT, PARTITIONS));
            }
            return plans;
        }
        return new KillLoop(seed, kills).plans();
    }

    /**
     * Plans of five faults drawn from every kind, kills three times as likely as the others, as many as it takes to
     * reach the number of kills.
     */
    private record KillLoop(long seed, long kills) {
        private static final List<Fault> WEIGHTED = List.of(Fault.KILL_TRANSCRIBER, Fault.KILL_TRANSCRIBER,
                Fault.KILL_TRANSCRIBER, Fault.KILL_STREAMS, Fault.KILL_STREAMS, Fault.KILL_STREAMS,
                Fault.RESTART_BROKER, Fault.REGISTRY_OUTAGE, Fault.HANG_TRANSCRIBER);
        private static final int FAULTS_PER_RUN = 5;

        List<FaultPlan> plans() {
            List<FaultPlan> plans = new ArrayList<>();
            long planned = 0;
            for (int run = 0; planned < kills; run++) {
                FaultPlan plan = FaultPlan.drawn(seed + run, FAULTS_PER_RUN, WEIGHTED, FIRST_FAULT, LAST_FAULT,
                        PARTITIONS);
                plans.add(plan);
                planned += plan.kills();
            }
            return plans;
        }
    }

    private static CallWave wave(String prefix) {
        return CallWave.coveringEveryPartition(prefix, CALLS_PER_RUN, PARTITIONS);
    }

    private static String line(FaultPlan plan, RunRecords run) {
        return String.format(Locale.ROOT, "Failure run seed %d %s: %s; longest wait of a window for its transcript "
                + "%.1f s; %d anomalies", plan.seed(), plan.faults(), run, RunCheck.longestWait(run).toMillis()
                / 1000.0, ANOMALIES.get(plan).size());
    }

    private static String summary(long seed) {
        long kills = RUNS.keySet().stream().mapToLong(FaultPlan::kills).sum();
        long faults = RUNS.keySet().stream().mapToLong(plan -> plan.faults().size()).sum();
        long calls = RUNS.values().stream().mapToLong(run -> run.callIds().size()).sum();
        long windows = RUNS.values().stream().mapToLong(run -> run.windows().size()).sum();
        long finals = RUNS.values().stream().mapToLong(run -> run.transcripts().stream()
                .filter(t -> t.getKind() == dev.callscribe.avro.TranscriptKind.FINAL).count()).sum();
        long anomalies = ANOMALIES.values().stream().mapToLong(List::size).sum();
        return String.format(Locale.ROOT, "Failure runs (seed %d): %d runs, %d faults, %d kills, %d calls, %d windows, "
                + "%d FINALs, %d anomalies", seed, RUNS.size(), faults, kills, calls, windows, finals, anomalies);
    }
}
