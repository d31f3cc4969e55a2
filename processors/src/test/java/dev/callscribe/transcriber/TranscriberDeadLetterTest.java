package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.MockRegistryExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Poison input on a real broker: each bad record becomes a dead letter with its reason, in the same transaction as
 * the transcripts of the good windows around it, and the worker keeps going.
 */
class TranscriberDeadLetterTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final MockRegistryExtension REGISTRY = new MockRegistryExtension();

    private static final byte[] NOT_AVRO = "this is not an AudioWindow".getBytes(StandardCharsets.UTF_8);
    /** Confluent's wire format with schema id 2^31-1, which the registry has never handed out. */
    private static final byte[] UNKNOWN_SCHEMA_ID = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 4, 6};

    private static WhisperEngine engine;

    private TranscriberRig rig;
    private SimpleMeterRegistry meters;
    private Transcriber worker;

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
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stopWorkers() {
        rig.close();
    }

    @Test
    void shouldDeadLetterEachPoisonRecordWithItsReasonAndTranscribeTheWindowsAroundIt() {
        // Given good windows with every kind of poison between them, on one partition
        List<Long> goodOffsets = new ArrayList<>();
        List<Object[]> poison = new ArrayList<>();
        goodOffsets.add(rig.send(good(0)).offset());
        poison.add(expect(rig.sendRaw(0, "call-p", NOT_AVRO), DeadLetterReason.UNDECODABLE_RECORD));
        poison.add(expect(rig.sendRaw(0, "call-p", UNKNOWN_SCHEMA_ID), DeadLetterReason.UNKNOWN_SCHEMA_ID));
        poison.add(expect(rig.sendRaw(0, "call-p", null), DeadLetterReason.UNDECODABLE_RECORD));
        goodOffsets.add(rig.send(good(1)).offset());
        poison.add(expect(rig.send(unsupportedRate(2)), DeadLetterReason.UNSUPPORTED_SAMPLE_RATE));
        poison.add(expect(rig.send(nanSamples(3)), DeadLetterReason.INVALID_SAMPLES));
        poison.add(expect(rig.send(partialFrame(4)), DeadLetterReason.INVALID_SAMPLES));
        poison.add(expect(rig.send(longerThanTheModelWindow(5)), DeadLetterReason.OVERSIZE_CHUNK));
        goodOffsets.add(rig.send(good(6)).offset());

        // When a worker consumes them
        start();
        List<DeadLetter> deadLetters = values(rig.awaitDeadLetters(poison.size()));
        List<WindowTranscript> transcripts = values(rig.awaitTranscripts(goodOffsets.size()));

        // Then each poison record is a dead letter with its reason, and the good windows are transcribed
        assertThat(deadLetters).extracting(DeadLetter::getSourceOffset, DeadLetter::getReason)
                .containsExactlyInAnyOrderElementsOf(poison.stream().map(p -> tuple(p[0], p[1])).toList());
        assertThat(transcripts).extracting(WindowTranscript::getWindowIndex, WindowTranscript::getText)
                .containsExactlyInAnyOrder(tuple(0L, " payment"), tuple(1L, " payment"), tuple(6L, " payment"));
        assertThat(worker.isHealthy()).isTrue();
    }

    @Test
    void shouldKeepTheSourceAndTheOriginalBytesOfADeadLetter() {
        TranscriberRig.RecordPosition position = rig.sendRaw(0, "call-q", NOT_AVRO);

        start();
        ConsumerRecord<String, DeadLetter> record = rig.awaitDeadLetters(1).get(0);

        DeadLetter deadLetter = record.value();
        assertThat(record.key()).isEqualTo("call-q");
        assertThat(deadLetter.getSourceTopic()).isEqualTo(rig.windowsTopic);
        assertThat(deadLetter.getSourcePartition()).isEqualTo(position.partition());
        assertThat(deadLetter.getSourceOffset()).isEqualTo(position.offset());
        assertThat(deadLetter.getStage()).isEqualTo(Transcriber.ROLE);
        assertThat(deadLetter.getCallId()).isEqualTo("call-q");
        assertThat(bytes(deadLetter.getKey())).isEqualTo("call-q".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(deadLetter.getValue())).isEqualTo(NOT_AVRO);
        assertThat(deadLetter.getMessage()).contains("magic byte");
        assertThat(deadLetter.getExceptionClass()).endsWith("SerializationException");
        assertThat(deadLetter.getFailedAt()).isNotNull();
    }

    @Test
    void shouldDeadLetterOnlyTheWindowTheEngineFailsOnAlsoAlone() {
        // Given a batch in which one window asks for a language the model does not know
        rig.send(good(0));
        rig.send(AudioWindow.newBuilder(good(1)).setLanguageHint("xx").build());
        rig.send(good(2));

        // When a worker transcribes the batch
        start();
        List<DeadLetter> deadLetters = values(rig.awaitDeadLetters(1));
        List<WindowTranscript> transcripts = values(rig.awaitTranscripts(2));

        // Then that window alone is dead-lettered, after its retry alone, and its batch mates are transcribed
        assertThat(deadLetters).extracting(DeadLetter::getReason, DeadLetter::getExceptionClass)
                .containsExactly(tuple(DeadLetterReason.INFERENCE_FAILED, IllegalArgumentException.class.getName()));
        assertThat(deadLetters.get(0).getMessage()).contains("window 1", "'xx'");
        assertThat(transcripts).extracting(WindowTranscript::getWindowIndex).containsExactlyInAnyOrder(0L, 2L);
    }

    @Test
    void shouldCountDeadLettersByReason() {
        rig.sendRaw(0, "call-r", NOT_AVRO);
        rig.send(nanSamples(1));
        rig.send(nanSamples(2));

        start();
        rig.awaitDeadLetters(3);

        Await.until("the dead letters are counted", TranscriberRig.TIMEOUT, () -> deadLetters("INVALID_SAMPLES") == 2);
        assertThat(deadLetters("UNDECODABLE_RECORD")).isEqualTo(1);
    }

    private AudioWindow good(long index) {
        return Windows.window("call-p", 0, index, OracleFixture.word(3, "payment")).build();
    }

    private static AudioWindow unsupportedRate(long index) {
        return Windows.window("call-p", 0, index, new byte[2_000]).setSampleRateHz(12_345).build();
    }

    private static AudioWindow nanSamples(long index) {
        float[] samples = new float[1_600];
        samples[800] = Float.NaN;
        return Windows.window("call-p", 0, index, Payloads.float32(samples)).setEncoding(AudioEncoding.FLOAT32LE)
                .build();
    }

    private static AudioWindow partialFrame(long index) {
        return Windows.window("call-p", 0, index, new byte[3_201]).build();
    }

    /** 31 s of 8 kHz mu-law: compact on the wire, but a second longer than the model's 30 s window. */
    private static AudioWindow longerThanTheModelWindow(long index) {
        return Windows.window("call-p", 0, index, new byte[31 * 8_000]).setEncoding(AudioEncoding.MULAW)
                .setSampleRateHz(8_000).build();
    }

    private static Object[] expect(TranscriberRig.RecordPosition position, DeadLetterReason reason) {
        return new Object[] {position.offset(), reason};
    }

    private void start() {
        worker = rig.startWorker(rig.config("worker-1"), engine, meters, LoopHook.NONE);
    }

    private double deadLetters(String reason) {
        var counter = meters.find(TranscriberMetrics.DEAD_LETTERS).tags("stage", Transcriber.ROLE, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static <K, V> List<V> values(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
