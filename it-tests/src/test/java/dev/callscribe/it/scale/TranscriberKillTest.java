package dev.callscribe.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.publish.Pacing;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.Await;
import dev.callscribe.transcriber.TranscriberConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcriber killed with SIGKILL mid-call, as separate processes on one host: {@code run --embedded --role
 * segmenter,stitcher} (the embedded broker, with the settings it ships with) and two {@code run --role transcriber}
 * processes started alike, without an instance id, sharing one slot directory. Live-paced calls on every partition
 * keep windows coming; once both transcribers have done work, one is killed. The test measures how long the
 * partitions it held go without a committed window transcript (from the kill until the first window of one of those
 * partitions is committed by the survivor), then restarts the killed process while a second wave of calls comes in,
 * which must come back under the instance id it had without stopping the survivor. Then a third process is started
 * with the survivor's instance id, which fences the survivor: that process must stop by itself and exit 1. Finally
 * everything left is stopped with SIGTERM, and must exit 0. A summary line with the figures goes to standard output.
 *
 * <p>Everything happens once, before the tests, which then check what was observed.
 */
class TranscriberKillTest {

    private static final Path ORACLE = FixtureModel.resourceDir("oracle");
    private static final int PARTITIONS = 4;
    private static final int CALLS = 4;
    private static final CallWave WAVE = CallWave.coveringEveryPartition("kill", CALLS, PARTITIONS);
    /** Published as the killed worker restarts, so windows are flowing while it joins. */
    private static final CallWave REJOIN_WAVE = CallWave.coveringEveryPartition("rejoin", CALLS, PARTITIONS);
    private static final List<String> CALL_IDS = Stream.concat(WAVE.callIds().stream(),
            REJOIN_WAVE.callIds().stream()).toList();
    private static final String GROUP = TranscriberConfig.DEFAULT_GROUP_ID;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);
    /** The bound the issue set: a killed worker's windows flow again within 15 s. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
    private static final Pattern BOOTSTRAP = Pattern.compile("^\\s+bootstrap\\.servers=(\\S+)$");
    private static final Pattern REGISTRY = Pattern.compile("^\\s+schema\\.registry\\.url=(\\S+)$");
    private static final Pattern INSTANCE_ID = Pattern.compile("Transcriber instance id (\\S+) \\(slot (\\d+)");
    private static final String WINDOWS_TRANSCRIBED = "callscribe_transcriber_windows_transcribed_total";

    @TempDir
    static Path workDir;

    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static final List<Arrival> ARRIVALS = new CopyOnWriteArrayList<>();
    private static final Map<String, String> INSTANCE_IDS = new LinkedHashMap<>();
    private static String restartedInstanceId;
    private static Set<Integer> orphaned;
    private static Duration settledAfterKill;
    private static Duration recoveredAfterKill;
    private static Duration rejoinedAfterRestart;
    private static Duration longestGapWhileRejoining;
    private static int fencedExitStatus;
    private static String fencedOutput;
    private static List<WindowTranscript> committedWindows;
    private static CallTranscripts committedTranscripts;
    private static final Map<String, Integer> EXIT_STATUSES = new LinkedHashMap<>();

    /** A committed window transcript as the follower saw it: when (System.nanoTime) and of which call. */
    private record Arrival(long nanos, String callId) {
    }

    @BeforeAll
    static void killOneOfTwoTranscribersMidCall() throws Exception {
        CallscribeProcess streams = started(CallscribeProcess.start("kill-streams", List.of("run", "--embedded",
                "--role", "segmenter,stitcher", "--set", "metrics.port=0", "--set", "embedded.kafka.port=0",
                "--set", "embedded.registry.port=0", "--set", "topics.partitions=" + PARTITIONS,
                "--set", "topics.windows.partitions=" + PARTITIONS, "--set", "segmenter.window.mode=chunked",
                "--set", "segmenter.chunk.length.s=6"), Map.of()));
        String bootstrap = streams.awaitOutput(BOOTSTRAP, START_TIMEOUT).group(1);
        String registry = streams.awaitOutput(REGISTRY, START_TIMEOUT).group(1);
        Map<String, String> shared = Map.of(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registry,
                TranscriberConfig.MODEL_CONFIG, ORACLE.toString(),
                TranscriberConfig.INTRA_OP_THREADS_CONFIG, "1");
        // No instance id: the two take slots 0 and 1 of this host in the shared directory.
        Map<String, String> own = Map.of(TranscriberConfig.STATE_DIR_CONFIG, workDir.resolve("slots").toString());
        Map<String, RunProcess> workers = new LinkedHashMap<>();
        for (String name : List.of("kill-worker-a", "kill-worker-b")) {
            workers.put(name, started(RunProcess.start(name, "transcriber", shared, own)));
        }
        workers.values().forEach(RunProcess::awaitReady);
        workers.forEach((name, worker) -> INSTANCE_IDS.put(name, instanceId(worker)));
        CommittedOutput output = new CommittedOutput(bootstrap, registry);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             ArrivalFollower follower = ArrivalFollower.start(bootstrap)) {
            List<Path> recordings = SampleRecordings.writeTo(workDir);
            CallscribeProcess publish = started(WAVE.publish(recordings, Pacing.REALTIME, bootstrap, registry,
                    Topics.AUDIO.name()));
            Await.until("both transcribers transcribing", START_TIMEOUT, Polls.throttled(() -> workers.values()
                    .stream().allMatch(worker -> worker.meter(WINDOWS_TRANSCRIBED) > 0)));

            // Kill worker a, whose partitions must then be taken over by worker b
            GroupView before = awaitSettled(admin, 2);
            orphaned = before.partitionsOf(INSTANCE_IDS.get("kill-worker-a") + "-consumer");
            RunProcess victim = workers.get("kill-worker-a");
            long killedAt = System.nanoTime();
            victim.kill();
            awaitSettled(admin, 1);
            long settledAt = System.nanoTime();
            settledAfterKill = Duration.ofNanos(settledAt - killedAt);
            Arrival first = awaitArrival("a window of " + orphaned + " committed after the takeover",
                    arrival -> arrival.nanos() > settledAt && orphaned.contains(partitionOf(arrival.callId())));
            recoveredAfterKill = Duration.ofNanos(first.nanos() - killedAt);

            // Restart it while new calls come: it takes its slot, and so its instance id, back, and gets partitions
            // again, while the survivor goes on with the partitions it keeps
            CallscribeProcess rejoinPublish = started(REJOIN_WAVE.publish(recordings, Pacing.REALTIME, bootstrap,
                    registry, Topics.AUDIO.name()));
            long restartAt = System.nanoTime();
            RunProcess restarted = started(RunProcess.start("kill-worker-a-again", "transcriber", shared, own));
            restarted.awaitReady();
            awaitSettled(admin, 2);
            long rejoinedAt = System.nanoTime();
            rejoinedAfterRestart = Duration.ofNanos(rejoinedAt - restartAt);
            longestGapWhileRejoining = longestGap(restartAt, rejoinedAt);

            // A third transcriber configured with the survivor's instance id fences it: the survivor's role has
            // stopped for good, so its process stops and exits non-zero for its supervisor to see
            Map<String, String> impostorOwn = Map.of(TranscriberConfig.INSTANCE_ID_CONFIG,
                    INSTANCE_IDS.get("kill-worker-b"));
            workers.put("kill-impostor", started(RunProcess.start("kill-impostor", "transcriber", shared,
                    impostorOwn)));
            RunProcess fenced = workers.remove("kill-worker-b");
            fencedExitStatus = fenced.awaitExit(PIPELINE_TIMEOUT);
            fencedOutput = fenced.output();
            restartedInstanceId = instanceId(restarted);
            workers.put("kill-worker-a-again", restarted);
            workers.remove("kill-worker-a");

            assertThat(publish.awaitExit(PIPELINE_TIMEOUT)).as(publish.logTail()).isZero();
            assertThat(rejoinPublish.awaitExit(PIPELINE_TIMEOUT)).as(rejoinPublish.logTail()).isZero();
            output.awaitCombinedFinals(CALL_IDS, PIPELINE_TIMEOUT);
            // Read while the broker, inside the streams process, still runs.
            committedWindows = output.windowTranscripts();
            committedTranscripts = output.transcripts();
        }
        workers.forEach((name, worker) -> EXIT_STATUSES.put(name, worker.stop()));
        EXIT_STATUSES.put("kill-streams", streams.stop());
        System.out.println(summary());
    }

    @AfterAll
    static void stopWhatIsLeft() throws Exception {
        for (AutoCloseable process : STARTED) {
            process.close();
        }
    }

    @Test
    void shouldGiveTwoTranscribersOfOneHostDistinctInstanceIdsByDefault() {
        // Given two transcriber processes started alike, with no instance id (before all)
        // Then they took slots 0 and 1 of the host, so they did not fence each other and both did work
        assertThat(INSTANCE_IDS.values()).doesNotHaveDuplicates().hasSize(2)
                .anySatisfy(id -> assertThat(id).endsWith("-0"))
                .anySatisfy(id -> assertThat(id).endsWith("-1"));
    }

    @Test
    void shouldLetAKilledTranscribersWindowsFlowAgainWithinFifteenSeconds() {
        // Given a transcriber killed while it held partitions with windows coming (before all)
        // Then the survivor took its partitions and committed one of their windows within the bound
        assertThat(orphaned).isNotEmpty();
        assertThat(recoveredAfterKill).as("from the kill to the first committed window of %s", orphaned)
                .isLessThan(RECOVERY_BOUND);
    }

    @Test
    void shouldKeepTranscribingWhileARestartedTranscriberJoins() {
        // Given windows flowing while the killed transcriber came back and took partitions (before all)
        // Then commits never stopped for long: the survivor kept its other partitions through the handover (a
        // stop-the-world rebalance would show as a gap as long as the whole rejoin)
        assertThat(longestGapWhileRejoining).as("longest gap between committed windows while rejoining")
                .isLessThan(RECOVERY_BOUND);
    }

    @Test
    void shouldExitNonZeroWhenFencedByAnotherInstanceWithItsId() {
        // Given a transcriber whose instance id a newer process took (before all)
        // Then it was fenced, stopped by itself and exited 1, saying why
        assertThat(fencedExitStatus).as(fencedOutput).isEqualTo(1);
        assertThat(fencedOutput).contains("callscribe run: role transcriber stopped for good");
    }

    @Test
    void shouldRestartAKilledTranscriberUnderTheInstanceIdItHad() {
        assertThat(restartedInstanceId).isEqualTo(INSTANCE_IDS.get("kill-worker-a"));
    }

    @Test
    void shouldTranscribeEveryWindowExactlyOnceDespiteTheKill() {
        // Given the calls through a kill and a restart (before all)
        // When the committed window transcripts are counted per window
        Map<String, Long> windows = CommittedOutput.windowCounts(committedWindows);

        // Then every window was committed once, and every call has one FINAL per channel and one combined
        assertThat(windows).isNotEmpty().allSatisfy((window, count) -> assertThat(count).as(window).isOne());
        Map<String, Long> expected = new LinkedHashMap<>();
        CALL_IDS.forEach(callId -> List.of("0", "1", "null").forEach(channel -> expected.put(callId + "/"
                + channel, 1L)));
        assertThat(CommittedOutput.finalCounts(committedTranscripts)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void shouldExitZeroAfterACleanStopOnSigterm() {
        assertThat(EXIT_STATUSES).isNotEmpty().allSatisfy((process, status) -> assertThat(status).as(process)
                .isZero());
    }

    private static String instanceId(RunProcess worker) {
        Matcher matcher = INSTANCE_ID.matcher(worker.output());
        assertThat(matcher.find()).as("instance id line in the log of %s", worker).isTrue();
        return matcher.group(1);
    }

    private static GroupView awaitSettled(Admin admin, int members) {
        AtomicReference<GroupView> last = new AtomicReference<>();
        Await.until(GROUP + " settled among " + members, SETTLE_TIMEOUT, Polls.throttled(() -> {
            last.set(GroupView.describe(admin, GROUP, Topics.WINDOWS.name()));
            return last.get().isSettledAmong(members, PARTITIONS);
        }));
        return last.get();
    }

    private static Arrival awaitArrival(String what, Predicate<Arrival> which) {
        AtomicReference<Arrival> found = new AtomicReference<>();
        Await.until(what, SETTLE_TIMEOUT, () -> {
            ARRIVALS.stream().filter(which).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** The longest time between consecutive committed windows (or the interval's ends) in [from, to]. */
    private static Duration longestGap(long from, long to) {
        long previous = from;
        long longest = 0;
        for (Arrival arrival : ARRIVALS) {
            if (arrival.nanos() > from && arrival.nanos() <= to) {
                longest = Math.max(longest, arrival.nanos() - previous);
                previous = arrival.nanos();
            }
        }
        return Duration.ofNanos(Math.max(longest, to - previous));
    }

    private static int partitionOf(String callId) {
        return BuiltInPartitioner.partitionForKey(callId.getBytes(StandardCharsets.UTF_8), PARTITIONS);
    }

    private static <T extends AutoCloseable> T started(T process) {
        STARTED.add(process);
        return process;
    }

    private static String summary() {
        return String.format(Locale.ROOT, "Transcriber kill: instance ids %s; killed %s holding partitions %s; group "
                        + "of 1 settled %.1f s after SIGKILL; first window of those partitions committed %.1f s "
                        + "after SIGKILL; restarted as %s, group of 2 settled %.1f s after its start, longest gap "
                        + "between committed windows meanwhile %.1f s; fenced transcriber exited %d by itself; exit "
                        + "statuses after SIGTERM %s", INSTANCE_IDS,
                INSTANCE_IDS.get("kill-worker-a"), orphaned, seconds(settledAfterKill), seconds(recoveredAfterKill),
                restartedInstanceId, seconds(rejoinedAfterRestart), seconds(longestGapWhileRejoining),
                fencedExitStatus, EXIT_STATUSES);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Follows calls.window-transcripts as a read_committed reader, noting when each record arrives. */
    private static final class ArrivalFollower implements AutoCloseable {

        private final Thread thread;
        private volatile boolean stopped;

        private ArrivalFollower(String bootstrap) {
            this.thread = new Thread(() -> follow(bootstrap), "window-transcript-follower");
        }

        static ArrivalFollower start(String bootstrap) {
            ArrivalFollower follower = new ArrivalFollower(bootstrap);
            follower.thread.setDaemon(true);
            follower.thread.start();
            return follower;
        }

        private void follow(String bootstrap) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "kill-test-follower",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.WINDOW_TRANSCRIPTS.name()));
                while (!stopped) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        ARRIVALS.add(new Arrival(System.nanoTime(), record.key()));
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
