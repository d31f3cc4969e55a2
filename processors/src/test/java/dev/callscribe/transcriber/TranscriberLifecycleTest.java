package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.MockRegistryExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readiness, health and graceful shutdown: the batch in flight is finished and committed, or given up whole. */
class TranscriberLifecycleTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

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
        rig = new TranscriberRig(KAFKA, REGISTRY.url(), 1);
    }

    @AfterEach
    void stopWorkers() {
        holds.forEach(HoldHook::release);
        rig.close();
    }

    @Test
    void shouldBeReadyOnceAssignedAndStayHealthyThroughAGracefulClose() {
        Transcriber worker = start("worker-1", LoopHook.NONE, rig.config("worker-1"));

        Await.until("the worker is assigned its partition", TranscriberRig.TIMEOUT, worker::isReady);
        assertThat(worker.assignment()).hasSize(1);
        assertThat(worker.isHealthy()).isTrue();

        worker.close();
        assertThat(worker.isReady()).isFalse();
        assertThat(worker.isHealthy()).isTrue();
    }

    @Test
    void shouldFinishAndCommitTheBatchInFlightWhenClosed() throws Exception {
        // Given a worker with a batch of windows in flight
        publish(0, 4);
        HoldHook inFlight = hold();
        Transcriber worker = start("worker-1", inFlight, rig.config("worker-1"));
        inFlight.awaitHeld(TranscriberRig.TIMEOUT);

        // When it is closed while the batch is still to be transcribed
        closeWhileHeld(worker, inFlight);

        // Then the batch was transcribed and committed with its offsets
        assertThat(rig.allCommittedTranscripts()).hasSize(inFlight.records());
        assertThat(committedOffset()).isEqualTo(inFlight.records());
    }

    @Test
    void shouldGiveUpTheBatchInFlightUncommittedOnceTheGracePeriodIsOver() throws Exception {
        // Given a worker with no grace period and a batch of windows in flight
        publish(0, 4);
        Map<String, String> noGrace = rig.config("worker-1");
        noGrace.put(TranscriberConfig.SHUTDOWN_GRACE_MS_CONFIG, "0");
        HoldHook inFlight = hold();
        Transcriber worker = start("worker-1", inFlight, noGrace);
        inFlight.awaitHeld(TranscriberRig.TIMEOUT);

        // When it is closed
        closeWhileHeld(worker, inFlight);

        // Then nothing of the batch was committed, and a successor transcribes every window once
        assertThat(rig.allCommittedTranscripts()).isEmpty();
        assertThat(committedOffset()).isNull();
        start("worker-2", LoopHook.NONE, rig.config("worker-2"));
        rig.awaitTranscripts(4);
        assertThat(rig.allCommittedTranscripts()).extracting(record -> record.value().getWindowIndex())
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
    }

    @Test
    void shouldCarryOnFromTheCommittedOffsetsAfterAGracefulClose() {
        // Given a worker that transcribed four windows and was closed
        publish(0, 4);
        Transcriber first = start("worker-1", LoopHook.NONE, rig.config("worker-1"));
        rig.awaitTranscripts(4);
        first.close();

        // When four more windows arrive and another worker of the group starts
        publish(4, 4);
        start("worker-2", LoopHook.NONE, rig.config("worker-2"));
        rig.awaitTranscripts(8);

        // Then every window was transcribed once
        assertThat(rig.allCommittedTranscripts().stream().map(ConsumerRecord::value).toList())
                .extracting(WindowTranscript::getWindowIndex)
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    private void publish(int from, int count) {
        for (int index = from; index < from + count; index++) {
            rig.send(Windows.window("call-1", 0, index, OracleFixture.word(3, "number")).build());
        }
    }

    private HoldHook hold() {
        HoldHook hook = new HoldHook(LoopHook.Stage.BATCH_TAKEN, 1);
        holds.add(hook);
        return hook;
    }

    /** Closes the worker from another thread, lets the held batch go once the close has begun, and waits. */
    private static void closeWhileHeld(Transcriber worker, HoldHook inFlight) throws Exception {
        CompletableFuture<Void> closing = CompletableFuture.runAsync(worker::close);
        Await.until("the worker is stopping", TranscriberRig.TIMEOUT, worker::stopping);
        inFlight.release();
        closing.get(TranscriberRig.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The group's committed offset on the one partition of calls.windows; null when none. */
    private Long committedOffset() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = KAFKA.admin().listConsumerGroupOffsets(rig.groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(new TopicPartition(rig.windowsTopic, 0));
        return offset == null ? null : offset.offset();
    }

    private Transcriber start(String instance, LoopHook hook, Map<String, String> config) {
        return rig.startWorker(config, engine, new SimpleMeterRegistry(), hook);
    }
}
