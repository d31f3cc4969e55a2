package dev.callscribe.transcriber;

import ai.onnxruntime.OrtException;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.model.ModelLoader;
import dev.callscribe.model.WhisperModel;
import dev.callscribe.pipeline.KafkaClientMeters;
import dev.callscribe.pipeline.MeterBinding;
import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU worker: one per GPU, each a member of one consumer group over {@code calls.windows}, turning windows into
 * window transcripts with a {@link WhisperEngine}.
 *
 * <ul>
 *   <li><b>Input</b>: {@code calls.windows}, key = call id (UTF-8), value = {@link AudioWindow} (Avro, Confluent wire
 *       format), read with {@code isolation.level=read_committed}.</li>
 *   <li><b>Output</b>: {@code calls.window-transcripts}, key = call id, value = WindowTranscript, one per window
 *       (windows without audio, such as end-of-channel markers, get an empty one marked noSpeech without inference);
 *       {@code calls.dead-letter}, key = call id when known, value = DeadLetter with the reason and the original
 *       bytes, for records that do not decode, carry audio that cannot be used, or that the engine fails on twice.
 *   </li>
 *   <li><b>Batching</b>: windows of any calls and partitions are decoded together, up to
 *       {@code transcriber.batch.max.size} windows or {@code transcriber.batch.max.wait.ms} after the first one;
 *       a batch whose expected time would not fit half of the poll interval is split, the rest going into the next
 *       transaction (the transaction itself begins after inference, so its timeout bounds only the sends and the
 *       commit).</li>
 *   <li><b>Guarantee</b>: exactly once. A batch's output and its consumed offsets are committed in one Kafka
 *       transaction; a worker killed at any moment loses no window and duplicates none, as seen by read_committed
 *       readers. A dead letter is committed in the same transaction, so a rejected record is reported exactly
 *       once too.</li>
 *   <li><b>Limits</b>: one engine and one loop thread per worker; a window longer than the model's window (30 s)
 *       is dead-lettered; windows of a call are transcribed in offset order within a partition, but a batch's
 *       windows finish together.</li>
 * </ul>
 *
 * <p>Lifecycle: {@link #start()} starts the loop thread; {@link #close()} stops polling, finishes and commits the
 * batch in flight (or gives it up uncommitted once {@code transcriber.shutdown.grace.ms} has passed), closes the
 * Kafka clients and, if this worker opened the engine, the engine. Installing a shutdown hook is the run command's
 * business. The public methods are thread-safe.
 */
public final class Transcriber implements PipelineRole {

    /** The role's name, as configured, logged and written as a dead letter's stage. */
    public static final String ROLE = "transcriber";

    private static final Logger LOG = LoggerFactory.getLogger(Transcriber.class);
    /** Beyond the grace period, the time close() allows the loop to close its two clients. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(60);

    private final TranscriberConfig config;
    /** The slot behind the default instance id, held until close; null when the id was configured. */
    private final InstanceSlot slot;
    private final WhisperEngine engine;
    private final boolean ownsEngine;
    private final Deserializer<AudioWindow> windowDeserializer;
    private final OutputRecords output;
    private final TransactionalLoop loop;
    /** The loop thread creates the clients; their meters are unbound here on close. */
    private final List<MeterBinding> clientMeters = new CopyOnWriteArrayList<>();
    private Thread thread;
    private boolean closed;
    private volatile boolean stoppedCleanly = true;

    /**
     * A worker around an engine the caller opened, owns and closes (after this worker is closed); this is how
     * tests pass a fixture model's engine and how one process could share a model between workers.
     *
     * @param config the configuration
     * @param engine the engine; used by this worker's loop thread while it runs
     * @param meters where the worker's meters are registered
     */
    public Transcriber(TranscriberConfig config, WhisperEngine engine, MeterRegistry meters) {
        this(config, engine, false, meters, LoopHook.NONE);
    }

    Transcriber(TranscriberConfig config, WhisperEngine engine, boolean ownsEngine, MeterRegistry meters,
                LoopHook hook) {
        this(Identity.claim(config), engine, ownsEngine, meters, hook);
    }

    private Transcriber(Identity identity, WhisperEngine engine, boolean ownsEngine, MeterRegistry meters,
                        LoopHook hook) {
        TranscriberConfig config = identity.config();
        this.slot = identity.slot();
        this.config = config;
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        Topic<AudioWindow> windows = config.topic(Topics.WINDOWS);
        this.windowDeserializer = windows.valueSerde(config.serdeConfig()).deserializer();
        this.output = new OutputRecords(config.topic(Topics.WINDOW_TRANSCRIPTS), config.topic(Topics.DEAD_LETTER),
                config.serdeConfig(), config.maxDeadLetterBytes());
        TranscriberMetrics metrics = new TranscriberMetrics(meters, config.instanceId());
        this.loop = new TransactionalLoop(() -> withMeters(new KafkaConsumer<>(config.consumerConfig()), meters),
                () -> withMeters(new KafkaProducer<>(config.producerConfig()), meters),
                settings(config, windows.name()), processor(config, engine, metrics), metrics, hook);
    }

    private Consumer<byte[], byte[]> withMeters(Consumer<byte[], byte[]> consumer, MeterRegistry meters) {
        clientMeters.add(KafkaClientMeters.bind(meters, ROLE, consumer));
        return consumer;
    }

    private Producer<String, byte[]> withMeters(Producer<String, byte[]> producer, MeterRegistry meters) {
        clientMeters.add(KafkaClientMeters.bind(meters, ROLE, producer));
        return producer;
    }

    /**
     * Loads the configured model once (downloading it into the Hugging Face cache if it is a repo id), opens its
     * engine, and returns a worker that owns the engine and closes it in {@link #close()}.
     *
     * @throws IOException if the model cannot be read or downloaded
     * @throws OrtException if ONNX Runtime cannot load its graphs
     */
    public static Transcriber open(TranscriberConfig config, MeterRegistry meters) throws IOException, OrtException {
        WhisperModel model = ModelLoader.fromEnvironment(System.getenv())
                .load(config.modelSource(), config.modelOptions());
        WhisperEngine engine = WhisperEngine.open(model, config.engineOptions());
        LOG.info("Transcriber model {} on {}", model.id(), engine.provider());
        try {
            return new Transcriber(config, engine, true, meters, LoopHook.NONE);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return ROLE;
    }

    /**
     * Starts the loop thread, which creates the clients, calls initTransactions and joins the group.
     *
     * @throws IllegalStateException if the worker was started or closed already
     */
    @Override
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("Transcriber " + config.transactionalId() + " was "
                    + (closed ? "closed" : "started") + " already; a worker starts once");
        }
        thread = new Thread(loop, "callscribe-transcriber-" + config.instanceId());
        thread.start();
    }

    /** Running, not failed, and assigned at least one partition of calls.windows. */
    @Override
    public boolean isReady() {
        return loop.state() == TransactionalLoop.State.RUNNING && !loop.assignment().isEmpty();
    }

    /** False once the loop has stopped for good on a fatal error (fenced, not authorized, retries exhausted). */
    @Override
    public boolean isHealthy() {
        return loop.state() != TransactionalLoop.State.FAILED;
    }

    /** After close: false when the loop had failed or did not end within its grace period and margin. */
    @Override
    public boolean stoppedCleanly() {
        return stoppedCleanly;
    }

    /** Whether {@link #close()} has begun: the worker polls no more and finishes or gives up its batch. */
    boolean stopping() {
        return loop.stopRequested();
    }

    /** The partitions of calls.windows this worker holds now. */
    public Set<TopicPartition> assignment() {
        return loop.assignment();
    }

    /** Stops gracefully (see the class comment); idempotent. Waits for the loop at most the grace period plus 60 s. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean loopEnded = stopLoop();
        stoppedCleanly = loopEnded && loop.state() != TransactionalLoop.State.FAILED;
        clientMeters.forEach(MeterBinding::close);
        windowDeserializer.close();
        output.close();
        if (ownsEngine && loopEnded) {
            closeEngine();
        }
        releaseSlot();
    }

    private void releaseSlot() {
        if (slot == null) {
            return;
        }
        try {
            slot.close();
        } catch (IOException e) {
            LOG.warn("Transcriber {}: slot {} not released cleanly: {}", config.transactionalId(), slot.file(),
                    e.toString());
        }
    }

    /**
     * The configuration with the instance id this worker runs under, and the slot that makes it unique on the host
     * (see {@link InstanceSlot}); no slot when the instance or transactional id was configured, or when the slot
     * directory cannot be written (then the host name alone, as before slots).
     */
    private record Identity(TranscriberConfig config, InstanceSlot slot) {

        static Identity claim(TranscriberConfig config) {
            if (config.identityConfigured()) {
                return new Identity(config, null);
            }
            try {
                InstanceSlot slot = InstanceSlot.acquire(config.slotDirectory());
                TranscriberConfig numbered = config.withInstanceId(config.instanceId() + "-" + slot.number());
                LOG.info("Transcriber instance id {} (slot {} held in {}), transactional id {}", numbered.instanceId(),
                        slot.number(), slot.file(), numbered.transactionalId());
                return new Identity(numbered, slot);
            } catch (IOException e) {
                LOG.warn("Transcriber cannot hold a slot in {} ({}): its instance id is the host name alone, so a "
                        + "second transcriber on this host would fence it; set {} to a writable directory, or set {}",
                        config.slotDirectory(), e.toString(), TranscriberConfig.STATE_DIR_CONFIG,
                        TranscriberConfig.INSTANCE_ID_CONFIG);
                return new Identity(config, null);
            }
        }
    }

    private boolean stopLoop() {
        if (thread == null) {
            return true;
        }
        loop.requestStop(config.shutdownGrace());
        try {
            thread.join(config.shutdownGrace().plus(CLOSE_MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // The engine is still inside one call; the loop gives the batch up when it returns.
            LOG.warn("Transcriber {} did not stop within its grace period; its batch stays uncommitted",
                    config.transactionalId());
            return false;
        }
        return true;
    }

    private void closeEngine() {
        try {
            engine.close();
        } catch (OrtException e) {
            LOG.warn("Transcriber {}: engine did not close cleanly: {}", config.transactionalId(), e.toString());
        }
    }

    private static LoopSettings settings(TranscriberConfig config, String windowsTopic) {
        return new LoopSettings(windowsTopic, config.groupId(), config.transactionalId(), config.batching(),
                config.maxRetries(), config.retryBackoff());
    }

    private BatchProcessor processor(TranscriberConfig config, WhisperEngine engine, TranscriberMetrics metrics) {
        Clock clock = Clock.systemUTC();
        WhisperModel model = engine.model();
        InferenceRunner inference = new InferenceRunner(engine::transcribe, model.generation().multilingual(),
                config.decodingOptions(), metrics, clock);
        WindowTranscripts transcripts = new WindowTranscripts(model.tokenizer(), model.id(),
                config.decodingOptions(), model.generation().multilingual());
        return new BatchProcessor(new WindowReader(windowDeserializer, engine.maxWindowSamples()), inference,
                transcripts, output, clock);
    }
}
