package dev.callscribe.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.it.support.ApicurioRegistryExtension;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.publish.Pacing;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Horizontal scale on one machine: the pipeline as separate JVMs ({@code java -jar callscribe.jar run}) sharing one
 * broker and one Schema Registry (Apicurio, a child JVM too, since {@code mock://} registries cannot be shared
 * across processes), compared with the same calls through a single {@code run --role all} process on a broker of its
 * own.
 *
 * <p>The scaled run starts two {@code --role segmenter,stitcher} processes and two {@code --role transcriber}
 * processes, then publishes three waves of six live-paced calls ({@code publish --realtime}), alternating the sample
 * call and a variant of it ({@link SampleRecordings}), and changes the transcribers while calls are in flight:
 * once windows are being transcribed, a third transcriber starts and takes partitions of calls.windows (second
 * wave); once every original transcriber has done work, one is stopped with SIGTERM and its partitions go to the
 * two left (third wave). Call ids are chosen so each wave has a call on every partition ({@link CallWave}). Windows
 * are cut in the chunked mode, so transcripts do not depend on timing, and the oracle fixture model writes
 * deterministic words: every FINAL must equal the single-process run's, exactly.
 *
 * <p>Everything happens once, before the tests, which then check what was observed. A summary line with the
 * figures (windows per transcriber, rebalance times, wall times) goes to standard output.
 */
class HorizontalScaleTest {

    /** The broker of the scaled pipeline. */
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    /** The broker of the single-process run: a fresh set of topics (see {@link TestPipeline} for why not renamed). */
    @RegisterExtension
    static final KafkaClusterExtension SINGLE_KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final ApicurioRegistryExtension APICURIO = ApicurioRegistryExtension.v2();

    private static final int AUDIO_PARTITIONS = 4;
    private static final int WINDOWS_PARTITIONS = 6;
    private static final int CALLS_PER_WAVE = 6;
    private static final List<CallWave> WAVES = IntStream.rangeClosed(1, 3)
            .mapToObj(wave -> CallWave.coveringEveryPartition("wave" + wave, CALLS_PER_WAVE, AUDIO_PARTITIONS,
                    WINDOWS_PARTITIONS))
            .toList();
    private static final List<String> CALL_IDS = WAVES.stream().flatMap(wave -> wave.callIds().stream()).toList();
    private static final List<String> STREAM_PROCESSES = List.of("streams-1", "streams-2");
    private static final List<String> TRANSCRIBERS = List.of("worker-1", "worker-2", "worker-3");
    private static final String STREAM_ROLES = "segmenter,stitcher";
    private static final String TRANSCRIBER = "transcriber";
    private static final String STOPPED = "worker-1";
    private static final String JOINED = "worker-3";

    /** A JVM's start, a rebalance and the first transaction of the new owners on a loaded two-core machine. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    /** Live-paced calls of up to 33 s, and a JVM start before them. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(90);
    /** From the last chunk of the last wave to every call's combined FINAL. */
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    /** What `run` exits with after a clean stop on SIGTERM. */
    private static final int CLEAN_STOP_EXIT_STATUS = 0;

    private static final String WINDOWS_TRANSCRIBED = "callscribe_transcriber_windows_transcribed_total";
    private static final String SEGMENTER_WINDOWS = "callscribe_segmenter_windows_total";
    private static final String TRANSCRIPTS_EMITTED = "callscribe_transcripts_emitted_total";

    @TempDir
    static Path workDir;

    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static ScaleSetup setup;
    private static PipelineRun single;
    private static PipelineRun scaled;
    private static GroupView segmenters;
    private static GroupView stitchers;
    private static Handover joined;
    private static Handover left;
    private static int stoppedExitStatus;
    private static double stoppedWindowsBeforeSigterm;
    private static int singleExitStatus;
    private static final Map<String, Double> WINDOWS_PER_TRANSCRIBER = new LinkedHashMap<>();
    private static final Map<String, Double> WINDOWS_PER_SEGMENTER = new LinkedHashMap<>();
    private static final Map<String, Double> TRANSCRIPTS_PER_STITCHER = new LinkedHashMap<>();

    /** What a pipeline committed, and how long its run took from the first process start to the last FINAL. */
    private record PipelineRun(CallTranscripts transcripts, List<WindowTranscript> windows, Duration wallTime) {
    }

    /** A transcriber group after a member joined or left: settled how long after the event, and who holds what. */
    private record Handover(GroupView group, Duration afterEvent) {
    }

    @BeforeAll
    static void runTheCallsThroughOneProcessAndThroughSeveral() {
        setup = new ScaleSetup(APICURIO.registry().ccompatUrl(), workDir, AUDIO_PARTITIONS, WINDOWS_PARTITIONS);
        single = runSingleProcess(new TestPipeline("single", SINGLE_KAFKA.bootstrapServers()));
        scaled = runScaled(new TestPipeline("scaled", KAFKA.bootstrapServers()));
        System.out.println(summary());
    }

    @AfterAll
    static void stopWhatIsLeft() throws Exception {
        for (AutoCloseable process : STARTED) {
            process.close();
        }
    }

    @Test
    void shouldEndEveryCallWithExactlyOneFinalPerChannelAndOneCombinedFinal() {
        // Given the calls published through the scaled pipeline (before all)
        // When its committed transcripts are read
        Map<String, Long> finals = CommittedOutput.finalCounts(scaled.transcripts());

        // Then each call has one FINAL for channel 0, one for channel 1 and one combined, and nothing else is final
        Map<String, Long> expected = new LinkedHashMap<>();
        CALL_IDS.forEach(callId -> List.of("0", "1", "null").forEach(channel -> expected.put(callId + "/" + channel,
                1L)));
        assertThat(finals).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void shouldGiveEveryCallTheFinalsOfTheSingleProcessRun() {
        // Given the same calls through one process and through several (before all), where calls replaying the two
        // recordings read differently, so a transcript handed to the wrong call would show
        assertThat(single.transcripts().channelFinal(CALL_IDS.get(0), 0).getText())
                .isNotEqualTo(single.transcripts().channelFinal(CALL_IDS.get(1), 0).getText());
        for (String callId : CALL_IDS) {
            for (Integer channel : new Integer[] {0, 1, null}) {
                // When a call's FINAL is looked up in both
                Transcript expected = finalOf(single.transcripts(), callId, channel);
                Transcript actual = finalOf(scaled.transcripts(), callId, channel);

                // Then its text and its segments are the same
                assertThat(actual.getText()).as("%s channel %s text", callId, channel)
                        .isNotBlank().isEqualTo(expected.getText());
                assertThat(actual.getSegments()).as("%s channel %s segments", callId, channel)
                        .containsExactlyElementsOf(expected.getSegments());
            }
        }
    }

    @Test
    void shouldTranscribeEveryWindowOnceWhateverTranscriberHeldItsPartition() {
        // Given windows transcribed by three transcribers, one of which joined and one of which left mid-run
        // When the committed window transcripts of both runs are counted per window
        Map<String, Long> scaledWindows = CommittedOutput.windowCounts(scaled.windows());
        Map<String, Long> singleWindows = CommittedOutput.windowCounts(single.windows());

        // Then the scaled run has each window of the single-process run exactly once, and every transcriber did work
        assertThat(singleWindows).isNotEmpty().allSatisfy((window, count) -> assertThat(count).as(window).isOne());
        assertThat(scaledWindows).containsExactlyInAnyOrderEntriesOf(singleWindows);
        assertThat(WINDOWS_PER_TRANSCRIBER).containsOnlyKeys(TRANSCRIBERS)
                .allSatisfy((worker, windows) -> assertThat(windows).as(worker).isPositive());
        assertThat(WINDOWS_PER_TRANSCRIBER.get(STOPPED)).as("%s's share, by difference", STOPPED)
                .isGreaterThanOrEqualTo(stoppedWindowsBeforeSigterm);
    }

    @Test
    void shouldLetATranscriberStartedMidRunTakePartitions() {
        // Given two transcribers at work and a third started while calls were in flight (before all)
        // When the group settled
        GroupView group = joined.group();

        // Then all three hold partitions of calls.windows, the new one included
        assertThat(group.isSettledAmong(3, WINDOWS_PARTITIONS)).as("%s", group).isTrue();
        TRANSCRIBERS.forEach(worker -> assertThat(group.partitionsOf(worker)).as("%s in %s", worker, group)
                .isNotEmpty());
    }

    @Test
    void shouldGiveAStoppedTranscribersPartitionsToTheOthers() {
        // Given three transcribers, one of them stopped with SIGTERM mid-run (before all)
        // When the group settled
        GroupView group = left.group();

        // Then the two left hold every partition of calls.windows between them
        assertThat(group.isSettledAmong(2, WINDOWS_PARTITIONS)).as("%s", group).isTrue();
        assertThat(group.partitionsOf(STOPPED)).as("%s", group).isEmpty();
    }

    @Test
    void shouldExitZeroAfterACleanStopOnSigterm() {
        // Given a transcriber process and a single all-roles process stopped with SIGTERM (before all)
        // When they exited
        // Then both report 0: `run` takes SIGTERM as a request to stop, stops its roles, and returns its own status
        assertThat(stoppedExitStatus).as("transcriber").isEqualTo(CLEAN_STOP_EXIT_STATUS);
        assertThat(singleExitStatus).as("all roles").isEqualTo(CLEAN_STOP_EXIT_STATUS);
    }

    @Test
    void shouldShareCallsBetweenTheSegmenterStitcherProcesses() {
        // Given two segmenter,stitcher processes (before all)
        // When their Streams groups settled, before the first call
        // Then each process holds partitions of both input topics, and each cut windows and published transcripts
        assertThat(segmenters.isSettledAmong(2, AUDIO_PARTITIONS)).as("%s", segmenters).isTrue();
        assertThat(stitchers.isSettledAmong(2, AUDIO_PARTITIONS)).as("%s", stitchers).isTrue();
        assertThat(WINDOWS_PER_SEGMENTER).containsOnlyKeys(STREAM_PROCESSES)
                .allSatisfy((process, windows) -> assertThat(windows).as(process).isPositive());
        assertThat(TRANSCRIPTS_PER_STITCHER).containsOnlyKeys(STREAM_PROCESSES)
                .allSatisfy((process, transcripts) -> assertThat(transcripts).as(process).isPositive());
    }

    /** Every call through one {@code run --role all} process, published as fast as possible. */
    private static PipelineRun runSingleProcess(TestPipeline pipeline) {
        long start = System.nanoTime();
        RunProcess all = started(setup.run(pipeline, "all", "all")).awaitReady();
        awaitPublished(WAVES.stream().map(wave -> publish(pipeline, wave, Pacing.AS_FAST_AS_POSSIBLE)).toList());
        CommittedOutput output = setup.output(pipeline);
        output.awaitCombinedFinals(CALL_IDS, PIPELINE_TIMEOUT);
        Duration wallTime = since(start);
        singleExitStatus = all.stop();
        return new PipelineRun(output.transcripts(), output.windowTranscripts(), wallTime);
    }

    /** The calls in three live waves through two stream processes and two, then three, then two transcribers. */
    private static PipelineRun runScaled(TestPipeline pipeline) {
        long start = System.nanoTime();
        Map<String, RunProcess> streams = new LinkedHashMap<>();
        Map<String, RunProcess> workers = new LinkedHashMap<>();
        STREAM_PROCESSES.forEach(name -> streams.put(name, started(setup.run(pipeline, name, STREAM_ROLES))));
        TRANSCRIBERS.subList(0, 2).forEach(name -> workers.put(name, started(setup.run(pipeline, name, TRANSCRIBER))));
        streams.values().forEach(RunProcess::awaitReady);
        workers.values().forEach(RunProcess::awaitReady);
        segmenters = awaitSettled(pipeline.segmenterApplicationId(), Topics.AUDIO.name(), 2, AUDIO_PARTITIONS);
        stitchers = awaitSettled(pipeline.stitcherApplicationId(), Topics.WINDOW_TRANSCRIPTS.name(), 2,
                AUDIO_PARTITIONS);
        List<CallscribeProcess> publishers = new ArrayList<>();

        publishers.add(publish(pipeline, WAVES.get(0), Pacing.REALTIME));
        awaitEachTranscribed(workers);
        joined = join(pipeline, workers);
        publishers.add(publish(pipeline, WAVES.get(1), Pacing.REALTIME));
        left = leave(pipeline, workers);
        publishers.add(publish(pipeline, WAVES.get(2), Pacing.REALTIME));

        awaitPublished(publishers);
        CommittedOutput output = setup.output(pipeline);
        output.awaitCombinedFinals(CALL_IDS, PIPELINE_TIMEOUT);
        Duration wallTime = since(start);
        PipelineRun run = new PipelineRun(output.transcripts(), output.windowTranscripts(), wallTime);
        readMeters(streams, workers, run.windows().size());
        return run;
    }

    /**
     * What each process did, from its meters; the stopped transcriber's meters went with it, so its share is what
     * was committed less what the others did (at least what it had counted before its SIGTERM).
     */
    private static void readMeters(Map<String, RunProcess> streams, Map<String, RunProcess> workers,
                                   int windowsCommitted) {
        streams.forEach((name, process) -> {
            WINDOWS_PER_SEGMENTER.put(name, process.meter(SEGMENTER_WINDOWS));
            TRANSCRIPTS_PER_STITCHER.put(name, process.meter(TRANSCRIPTS_EMITTED));
        });
        Map<String, Double> running = new LinkedHashMap<>();
        workers.forEach((name, worker) -> running.put(name, worker.meter(WINDOWS_TRANSCRIBED)));
        WINDOWS_PER_TRANSCRIBER.put(STOPPED,
                windowsCommitted - running.values().stream().mapToDouble(Double::doubleValue).sum());
        WINDOWS_PER_TRANSCRIBER.putAll(running);
    }

    /** Starts the third transcriber while calls are in flight and waits until it holds partitions. */
    private static Handover join(TestPipeline pipeline, Map<String, RunProcess> workers) {
        long start = System.nanoTime();
        workers.put(JOINED, started(setup.run(pipeline, JOINED, TRANSCRIBER)).awaitReady());
        GroupView group = awaitSettled(pipeline.transcriberGroupId(), Topics.WINDOWS.name(), 3, WINDOWS_PARTITIONS);
        return new Handover(group, since(start));
    }

    /** Stops one original transcriber with SIGTERM and waits until the two left hold every partition. */
    private static Handover leave(TestPipeline pipeline, Map<String, RunProcess> workers) {
        RunProcess stopping = workers.remove(STOPPED);
        // Its meters go with it: what it counted before the signal (the batch in flight may still add some).
        stoppedWindowsBeforeSigterm = stopping.meter(WINDOWS_TRANSCRIBED);
        long start = System.nanoTime();
        stoppedExitStatus = stopping.stop();
        GroupView group = awaitSettled(pipeline.transcriberGroupId(), Topics.WINDOWS.name(), 2, WINDOWS_PARTITIONS);
        return new Handover(group, since(start));
    }

    /** Waits until each running transcriber has committed a window: work is flowing through all of them. */
    private static void awaitEachTranscribed(Map<String, RunProcess> workers) {
        Await.until("each of " + workers.keySet() + " transcribing a window", PUBLISH_TIMEOUT,
                Polls.throttled(() -> workers.values().stream()
                        .allMatch(worker -> worker.meter(WINDOWS_TRANSCRIBED) > 0)));
    }

    private static GroupView awaitSettled(String groupId, String topic, int members, int partitions) {
        AtomicReference<GroupView> last = new AtomicReference<>();
        try {
            Await.until(groupId + " settled among " + members + " members over " + partitions + " partitions of "
                    + topic, SETTLE_TIMEOUT, Polls.throttled(() -> {
                        last.set(GroupView.describe(KAFKA.admin(), groupId, topic));
                        return last.get().isSettledAmong(members, partitions);
                    }));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return last.get();
    }

    private static CallscribeProcess publish(TestPipeline pipeline, CallWave wave, Pacing pacing) {
        return started(setup.publish(pipeline, wave, pacing));
    }

    private static void awaitPublished(List<CallscribeProcess> publishers) {
        for (CallscribeProcess publisher : publishers) {
            assertThat(publisher.awaitExit(PUBLISH_TIMEOUT)).as("exit status of %s:\n%s", publisher,
                    publisher.logTail()).isZero();
        }
    }

    private static Transcript finalOf(CallTranscripts transcripts, String callId, Integer channel) {
        return channel == null ? transcripts.combinedFinal(callId) : transcripts.channelFinal(callId, channel);
    }

    private static <T extends AutoCloseable> T started(T process) {
        STARTED.add(process);
        return process;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String summary() {
        return String.format(Locale.ROOT, "Horizontal scale: %d calls (%d live waves of %d); single process %.1f s; "
                        + "scaled %.1f s: 2 segmenter,stitcher + 2 transcriber processes, %s started mid-run (group "
                        + "of 3 settled %.1f s after its start), %s stopped mid-run (group of 2 settled %.1f s after "
                        + "SIGTERM, exit status %d); windows per transcriber %s of %d (%s had counted %d at SIGTERM); "
                        + "windows per segmenter %s; transcripts per stitcher %s",
                CALL_IDS.size(), WAVES.size(), CALLS_PER_WAVE, seconds(single.wallTime()), seconds(scaled.wallTime()),
                JOINED, seconds(joined.afterEvent()), STOPPED, seconds(left.afterEvent()), stoppedExitStatus,
                whole(WINDOWS_PER_TRANSCRIBER), scaled.windows().size(), STOPPED,
                Math.round(stoppedWindowsBeforeSigterm), whole(WINDOWS_PER_SEGMENTER),
                whole(TRANSCRIPTS_PER_STITCHER));
    }

    /** Counter values as the whole numbers they are. */
    private static Map<String, Long> whole(Map<String, Double> counters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((name, value) -> counts.put(name, Math.round(value)));
        return counts;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
