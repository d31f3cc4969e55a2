package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.MockRegistryExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exactly once across a worker's death: two workers share a multi-partition calls.windows; one is stopped dead
 * inside a transaction, the other takes over its partitions; read_committed output holds every window exactly once.
 *
 * <p><b>How the kill is simulated, and why that is a kill for Kafka.</b> The doomed worker's loop thread is frozen
 * by a test hook inside its second transaction, after its output records were sent (or after the consumed offsets
 * were added too) and before the commit: the moment where dying hurts most. What Kafka's guarantees rest on is what
 * a SIGKILL would leave behind, and the freeze leaves the same: (1) the worker stops polling, so the group takes its
 * partitions away (after max.poll.interval.ms here, when its heartbeat thread leaves the group; after
 * session.timeout.ms for a dead process) and the survivor resumes from the last committed offsets; (2) its open
 * transaction is never committed, so the transaction coordinator aborts it after transaction.timeout.ms, and the
 * records it had written stay in the log as aborted records that read_committed readers skip; (3) the offsets it had
 * added to that transaction are never committed. The freeze is the harder case: the frozen worker is a zombie that
 * wakes up afterwards and tries to finish its transaction, which a killed process never does, and the test checks
 * that the broker refuses it (fenced) so its batch never appears twice.
 */
class TranscriberExactlyOnceTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    private static final int PARTITIONS = 4;
    private static final int CALLS = 6;
    private static final int CHANNELS = 2;
    private static final int WINDOWS_PER_WAVE = 3;
    private static final int WINDOWS = 2 * CALLS * CHANNELS * WINDOWS_PER_WAVE;
    private static final Duration TIMEOUT = TranscriberRig.TIMEOUT;

    private static WhisperEngine engine;

    private TranscriberRig rig;
    private final List<HoldHook> holds = new ArrayList<>();

    @BeforeAll
    static void openEngine() {
        engine = OracleFixture.engine();
    }

    @AfterAll
    static void closeEngine() throws Exception {
        engine.close();
    }

    @BeforeEach
    void createTopics() {
        rig = new TranscriberRig(KAFKA, REGISTRY.url(), PARTITIONS);
    }

    @AfterEach
    void stopWorkers() {
        holds.forEach(HoldHook::release);
        rig.close();
    }

    @ParameterizedTest(name = "frozen at {0}")
    @EnumSource(value = LoopHook.Stage.class, names = {"RECORDS_SENT", "OFFSETS_SENT"})
    void shouldLoseNoWindowAndDoubleNoneWhenAWorkerDiesInsideItsTransaction(LoopHook.Stage stage) {
        // Given two workers sharing the partitions, one of which dies inside its second transaction
        HoldHook freeze = new HoldHook(stage, 2);
        holds.add(freeze);
        SimpleMeterRegistry doomedMeters = new SimpleMeterRegistry();
        Transcriber doomed = start("doomed", freeze, doomedMeters);
        Transcriber survivor = start("survivor", LoopHook.NONE, new SimpleMeterRegistry());
        Await.until("both workers hold partitions", TIMEOUT, () -> doomed.isReady() && survivor.isReady());

        // When a first wave of windows arrives, the doomed worker dies with records sent, and a second wave follows
        publishWave(0);
        freeze.awaitHeld(TIMEOUT);
        Await.until("the survivor holds every partition", TIMEOUT,
                () -> survivor.assignment().size() == PARTITIONS);
        publishWave(1);

        // Then every window is transcribed and committed exactly once
        rig.awaitTranscripts(WINDOWS);
        Await.until("the broker aborted the dead worker's transaction", TIMEOUT,
                () -> transactionState(transactionalId("doomed")) == TransactionState.COMPLETE_ABORT);
        freeze.release();
        Await.until("the woken zombie is fenced or aborts", TIMEOUT,
                () -> !doomed.isHealthy() || aborted(doomedMeters) > 0);
        List<WindowTranscript> committed = rig.allCommittedTranscripts().stream().map(ConsumerRecord::value).toList();
        assertThat(committed).hasSize(WINDOWS);
        assertThat(committed.stream().map(TranscriberExactlyOnceTest::windowKey).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allWindowKeys());
        // and the dead worker's batch had reached the log: it was aborted, not lost in flight
        assertThat(freeze.records()).isPositive();
        assertThat(rig.allWrittenTranscripts()).hasSizeGreaterThanOrEqualTo(WINDOWS + freeze.records());
        assertThat(survivor.isHealthy()).isTrue();
    }

    /** Windows {@code wave * 3} to {@code wave * 3 + 2} of every call and channel; call {@code c} on partition c % 4. */
    private void publishWave(int wave) {
        for (int index = wave * WINDOWS_PER_WAVE; index < (wave + 1) * WINDOWS_PER_WAVE; index++) {
            for (int call = 0; call < CALLS; call++) {
                for (int channel = 0; channel < CHANNELS; channel++) {
                    rig.send(call % PARTITIONS, Windows.window("call-" + call, channel, index,
                            OracleFixture.word(2.5, channel == 0 ? "hello" : "world")).build());
                }
            }
        }
    }

    private static Set<String> allWindowKeys() {
        Set<String> keys = new HashSet<>();
        for (int call = 0; call < CALLS; call++) {
            for (int channel = 0; channel < CHANNELS; channel++) {
                for (int index = 0; index < 2 * WINDOWS_PER_WAVE; index++) {
                    keys.add("call-" + call + "/" + channel + "/" + index);
                }
            }
        }
        return keys;
    }

    private static String windowKey(WindowTranscript transcript) {
        return transcript.getCallId() + "/" + transcript.getChannel() + "/" + transcript.getWindowIndex();
    }

    /**
     * Small batches, so the doomed worker is sure to reach a second transaction; poll interval and transaction
     * timeout short, so the takeover and the abort happen within seconds.
     */
    private Transcriber start(String instance, LoopHook hook, SimpleMeterRegistry meters) {
        Map<String, String> config = rig.config(instance);
        config.put(TranscriberConfig.BATCH_MAX_SIZE_CONFIG, "4");
        config.put(TranscriberConfig.BATCH_MAX_WAIT_MS_CONFIG, "100");
        config.put(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG, "200");
        config.put(TranscriberConfig.MAX_POLL_INTERVAL_MS_CONFIG, "5000");
        config.put(TranscriberConfig.TRANSACTION_TIMEOUT_MS_CONFIG, "6000");
        return rig.startWorker(config, engine, meters, hook);
    }

    private String transactionalId(String instance) {
        return new TranscriberConfig(rig.config(instance)).transactionalId();
    }

    private static TransactionState transactionState(String transactionalId) {
        try {
            return KAFKA.admin().describeTransactions(List.of(transactionalId)).description(transactionalId)
                    .get(10, TimeUnit.SECONDS).state();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            return TransactionState.UNKNOWN;
        }
    }

    private static double aborted(SimpleMeterRegistry meters) {
        Counter counter = meters.find(TranscriberMetrics.TRANSACTIONS).tag("outcome", "aborted").counter();
        return counter == null ? 0 : counter.count();
    }
}
