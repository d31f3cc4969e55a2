package dev.callscribe.transcriber;

import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.ExecutionProvider;
import dev.callscribe.model.ModelDtype;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.pipeline.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transcriber's configuration: the shared keys of {@link PipelineConfig} plus its own, prefixed
 * {@code transcriber.} so that one properties file can configure every role. Immutable once built; the constructor
 * checks every rule and throws {@link ConfigException} naming the keys at fault.
 */
public final class TranscriberConfig extends PipelineConfig {

    /** Prefix of the transcriber's own keys. */
    public static final String PREFIX = "transcriber.";

    public static final String MODEL_CONFIG = PREFIX + "model";
    private static final String MODEL_DOC = "The model: a folder in the Optimum or transformers.js ONNX layout, or a "
            + "Hugging Face repo id downloaded once into the Hugging Face cache (HF_HOME). Loaded once per process.";
    public static final String DEFAULT_MODEL = "distil-whisper/distil-small.en";

    public static final String ENCODER_DTYPE_CONFIG = PREFIX + "model.encoder.dtype";
    private static final String ENCODER_DTYPE_DOC = "Weight format of the encoder file (fp32, fp16, q8, int8, uint8, "
            + "q4, q4f16, bnb4). On CPU an int8 encoder with an fp32 decoder is the measured sweet spot; fp16 for "
            + "CUDA.";
    public static final String DEFAULT_ENCODER_DTYPE = ModelDtype.FP32.label();

    public static final String DECODER_DTYPE_CONFIG = PREFIX + "model.decoder.dtype";
    private static final String DECODER_DTYPE_DOC = "Weight format of the decoder file(s); same choices as the "
            + "encoder's.";
    public static final String DEFAULT_DECODER_DTYPE = ModelDtype.FP32.label();

    public static final String PROVIDER_CONFIG = PREFIX + "engine.provider";
    private static final String PROVIDER_DOC = "Where ONNX Runtime runs the model: CPU, or CUDA (needs the gpu build; "
            + "falls back to CPU with a log line when CUDA cannot be used).";
    public static final String DEFAULT_PROVIDER = ExecutionProvider.CPU.name();

    public static final String DEVICE_ID_CONFIG = PREFIX + "engine.device.id";
    private static final String DEVICE_ID_DOC = "The CUDA device this process uses (one transcriber process per GPU).";
    public static final int DEFAULT_DEVICE_ID = 0;

    public static final String INTRA_OP_THREADS_CONFIG = PREFIX + "engine.intra.op.threads";
    private static final String INTRA_OP_THREADS_DOC = "Threads one ONNX Runtime operator may use; 0 lets ONNX "
            + "Runtime choose (one per physical core).";
    public static final int DEFAULT_INTRA_OP_THREADS = 0;

    public static final String BATCH_MAX_SIZE_CONFIG = PREFIX + "batch.max.size";
    private static final String BATCH_MAX_SIZE_DOC = "Most windows decoded together in one engine call, across calls "
            + "and partitions. Larger batches use a GPU better (decoder steps cost little more for 16 rows than for "
            + "one) but hold each window until the whole batch is done.";
    public static final int DEFAULT_BATCH_MAX_SIZE = 16;

    public static final String BATCH_MAX_WAIT_MS_CONFIG = PREFIX + "batch.max.wait.ms";
    private static final String BATCH_MAX_WAIT_MS_DOC = "Longest a window waits, from the poll that fetched it, for "
            + "more windows to fill its batch. The default of 50 ms is small against one inference (hundreds of ms on "
            + "a GPU, seconds on a CPU), so an idle worker adds little latency; a busy worker fills its batches "
            + "before the wait ends and never pays it.";
    public static final long DEFAULT_BATCH_MAX_WAIT_MS = 50;

    public static final String WINDOW_ESTIMATE_MS_CONFIG = PREFIX + "batch.window.estimate.ms";
    private static final String WINDOW_ESTIMATE_MS_DOC = "Expected inference time of one window in a batch, used "
            + "before any batch has run; afterwards the worker follows the measured time per window. A batch whose "
            + "windows times this estimate would not fit the time budget (half of max.poll.interval.ms) is split, "
            + "and the rest waits for the next transaction.";
    public static final long DEFAULT_WINDOW_ESTIMATE_MS = 1_500;

    public static final String LANGUAGE_CONFIG = PREFIX + "decoding.language";
    private static final String LANGUAGE_DOC = "Whisper language code (en, de, ...) for multilingual models; empty "
            + "detects it per window unless the window carries a language hint. English-only models ignore it.";
    public static final String DEFAULT_LANGUAGE = "";

    public static final String TASK_CONFIG = PREFIX + "decoding.task";
    private static final String TASK_DOC = "transcribe, or translate into English (multilingual models only).";
    public static final String DEFAULT_TASK = DecodingOptions.TRANSCRIBE;

    public static final String TIMESTAMPS_CONFIG = PREFIX + "decoding.timestamps";
    private static final String TIMESTAMPS_DOC = "Whether the model predicts timestamp tokens, which give segments "
            + "their times and let the stitcher merge overlapping windows by time.";
    public static final boolean DEFAULT_TIMESTAMPS = true;

    public static final String MAX_NEW_TOKENS_CONFIG = PREFIX + "decoding.max.new.tokens";
    private static final String MAX_NEW_TOKENS_DOC = "Token budget per window, prompt excluded (224: half the "
            + "decoder context, as OpenAI's transcribe).";
    public static final int DEFAULT_MAX_NEW_TOKENS = DecodingOptions.defaults().maxNewTokens();

    public static final String GROUP_ID_CONFIG = PREFIX + "group.id";
    private static final String GROUP_ID_DOC = "Consumer group of the transcribers over calls.windows; every "
            + "transcriber process of one pipeline uses the same group, so the windows are shared among them.";
    public static final String DEFAULT_GROUP_ID = "callscribe-transcriber";

    public static final String INSTANCE_ID_CONFIG = PREFIX + "instance.id";
    private static final String INSTANCE_ID_DOC = "Name of this transcriber process, unique in the group and stable "
            + "across its restarts (a StatefulSet pod name, say). Empty: <host>-<n>, the host name (HOSTNAME, else "
            + "the local host's name) and the lowest slot number free on this host, held with a file lock in "
            + "transcriber.state.dir; the OS frees it when the process dies, so a restart takes the same number. It "
            + "makes the default transactional id.";
    public static final String DEFAULT_INSTANCE_ID = "";

    public static final String STATE_DIR_CONFIG = PREFIX + "state.dir";
    private static final String STATE_DIR_DOC = "Where transcribers keep their slot lock files (<dir>/<group.id>/"
            + "slot-<n>.lock); every transcriber of a host must use the same directory. Unused when instance.id or "
            + "transactional.id is set; if it cannot be written, the host name alone is the instance id.";
    public static final String DEFAULT_STATE_DIR = StreamsApp.DEFAULT_STATE_ROOT + "/transcriber";

    public static final String TRANSACTIONAL_ID_CONFIG = PREFIX + "transactional.id";
    private static final String TRANSACTIONAL_ID_DOC = "Transactional id of the producer; empty means <group.id>-"
            + "<instance.id>. It must be stable per instance and unique among live instances: a restarted instance "
            + "with the same id fences its former self and aborts the transaction that one left open at once; a "
            + "fresh id leaves such a transaction to expire after the transaction timeout, holding back read_committed "
            + "readers of calls.window-transcripts until then; two live instances with one id fence each other.";
    public static final String DEFAULT_TRANSACTIONAL_ID = "";

    public static final String TRANSACTION_TIMEOUT_MS_CONFIG = PREFIX + "transaction.timeout.ms";
    private static final String TRANSACTION_TIMEOUT_MS_DOC = "Producer transaction timeout: how long the broker lets "
            + "a transaction of a dead worker stay open before aborting it; until then read_committed readers of its "
            + "output, and the worker that takes over its partitions, wait. A transaction holds only a batch's sends "
            + "and commit (it begins after inference), so this need not cover inference time.";
    public static final int DEFAULT_TRANSACTION_TIMEOUT_MS = 5_000;

    public static final String MAX_POLL_INTERVAL_MS_CONFIG = PREFIX + "max.poll.interval.ms";
    private static final String MAX_POLL_INTERVAL_MS_DOC = "Consumer max.poll.interval.ms: a worker that does not "
            + "poll for this long (one batch's inference runs between two polls) leaves the group and its "
            + "partitions go to others; its late commit is then refused.";
    public static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    public static final String MAX_RETRIES_CONFIG = PREFIX + "transaction.max.retries";
    private static final String MAX_RETRIES_DOC = "Consecutive aborted transactions (a broker or registry hiccup: "
            + "abort, rewind to the committed offsets, try again) before the worker gives up and reports itself "
            + "unhealthy.";
    public static final int DEFAULT_MAX_RETRIES = 5;

    public static final String RETRY_BACKOFF_MS_CONFIG = PREFIX + "transaction.retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "Pause before retrying an aborted transaction, times the "
            + "number of the attempt.";
    public static final long DEFAULT_RETRY_BACKOFF_MS = 1_000;

    public static final String SHUTDOWN_GRACE_MS_CONFIG = PREFIX + "shutdown.grace.ms";
    private static final String SHUTDOWN_GRACE_MS_DOC = "On close, how long the batch in flight may take to finish "
            + "and commit; past it the batch is abandoned uncommitted (another worker transcribes it again) at the "
            + "next engine call boundary.";
    public static final long DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

    /** Kafka's default max.request.size. */
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    /** Room left in a request for a record's key, headers and batch framing. */
    private static final int RECORD_OVERHEAD_BYTES = 16_384;

    /** Share of the poll interval that one batch may take. */
    static final double BUDGET_SHARE = 0.5;

    /** Every key: the shared ones and the transcriber's. */
    public static final ConfigDef CONFIG_DEF = configDef();

    public TranscriberConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        verifyCombinations();
    }

    /** The model folder or Hugging Face repo id. */
    public String modelSource() {
        return getString(MODEL_CONFIG);
    }

    /** Weight formats; the other model options at their defaults. */
    public ModelOptions modelOptions() {
        return ModelOptions.defaults()
                .withEncoderDtype(ModelDtype.fromLabel(getString(ENCODER_DTYPE_CONFIG)))
                .withDecoderDtype(ModelDtype.fromLabel(getString(DECODER_DTYPE_CONFIG)));
    }

    /** Provider, device and threads of the engine. */
    public EngineOptions engineOptions() {
        return EngineOptions.defaults()
                .withProvider(ExecutionProvider.valueOf(getString(PROVIDER_CONFIG).toUpperCase(Locale.ROOT)))
                .withDeviceId(getInt(DEVICE_ID_CONFIG))
                .withIntraOpThreads(getInt(INTRA_OP_THREADS_CONFIG));
    }

    /** openai/whisper's decoding defaults with the configured language, task, timestamps and token budget. */
    public DecodingOptions decodingOptions() {
        String language = getString(LANGUAGE_CONFIG).strip();
        return DecodingOptions.defaults()
                .withLanguage(language.isEmpty() ? null : language)
                .withTask(getString(TASK_CONFIG))
                .withTimestamps(getBoolean(TIMESTAMPS_CONFIG))
                .withMaxNewTokens(getInt(MAX_NEW_TOKENS_CONFIG));
    }

    /** Batch size, wait and the time budget a batch must fit. */
    BatchingOptions batching() {
        return new BatchingOptions(getInt(BATCH_MAX_SIZE_CONFIG), getLong(BATCH_MAX_WAIT_MS_CONFIG),
                getLong(WINDOW_ESTIMATE_MS_CONFIG), budgetMs());
    }

    /** The consumer group. */
    public String groupId() {
        return getString(GROUP_ID_CONFIG);
    }

    /** This instance's name: the configured one, else the host name (a {@link InstanceSlot} number is added). */
    public String instanceId() {
        String configured = getString(INSTANCE_ID_CONFIG).strip();
        return configured.isEmpty() ? InstanceSlot.hostName() : configured;
    }

    /** Whether the instance or transactional id is configured, so no slot is needed. */
    boolean identityConfigured() {
        return !getString(INSTANCE_ID_CONFIG).isBlank() || !getString(TRANSACTIONAL_ID_CONFIG).isBlank();
    }

    /** The directory of this group's slot lock files: the state directory, then the group id made a file name. */
    Path slotDirectory() {
        return Path.of(getString(STATE_DIR_CONFIG)).resolve(groupId().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** The same configuration with {@code instance.id} set. */
    TranscriberConfig withInstanceId(String instanceId) {
        Map<Object, Object> changed = new HashMap<>(originals());
        changed.put(INSTANCE_ID_CONFIG, instanceId);
        return new TranscriberConfig(changed);
    }

    /** The producer's transactional id: the configured one, else {@code <group.id>-<instance.id>}. */
    public String transactionalId() {
        String configured = getString(TRANSACTIONAL_ID_CONFIG).strip();
        return configured.isEmpty() ? groupId() + "-" + instanceId() : configured;
    }

    /**
     * The largest dead letter produced with its original value: the producer's max.request.size less room for the
     * record's key and headers.
     */
    int maxDeadLetterBytes() {
        Object configured = originals().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequest = configured == null
                ? DEFAULT_MAX_REQUEST_SIZE
                : Integer.parseInt(configured.toString().strip());
        return Math.max(1, maxRequest - RECORD_OVERHEAD_BYTES);
    }

    int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
    }

    Duration shutdownGrace() {
        return Duration.ofMillis(getLong(SHUTDOWN_GRACE_MS_CONFIG));
    }

    /** The consumer's settings: the user's client keys, then the ones exactly once depends on. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> consumer = clientKeys(ConsumerConfig.configNames());
        consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId() + "-consumer");
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        // Offsets are committed only inside the producer's transactions, together with the transcripts.
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The segmenter writes windows transactionally; windows of its aborted transactions must never be transcribed.
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A group's first start transcribes the windows already waiting rather than skipping them.
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One poll returns at most one batch; the rest stays in Kafka's fetch buffer, not in ours.
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, getInt(BATCH_MAX_SIZE_CONFIG));
        consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, getInt(MAX_POLL_INTERVAL_MS_CONFIG));
        // A worker joining or leaving moves only the partitions that change hands (KIP-848).
        GroupProtocolSettings.apply(consumer);
        // Values are read as bytes and decoded here, so a record that does not decode is dead-lettered, not fatal.
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return consumer;
    }

    /** The producer's settings: the user's client keys, then the ones exactly once depends on. */
    Map<String, Object> producerConfig() {
        Map<String, Object> producer = clientKeys(ProducerConfig.configNames());
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId() + "-producer");
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        // Transactions need idempotence (no duplicates from retries) and acks=all (no loss on leader change).
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, getInt(TRANSACTION_TIMEOUT_MS_CONFIG));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Values arrive serialized (Avro in Confluent's wire format), so the producer's send never fails on them.
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return producer;
    }

    /** Everything given except callscribe's own keys that the client does not know. */
    private Map<String, Object> clientKeys(Set<String> clientNames) {
        Map<String, Object> client = new HashMap<>(clientConfig());
        client.keySet().removeIf(key -> CONFIG_DEF.names().contains(key) && !clientNames.contains(key));
        return client;
    }

    private long budgetMs() {
        // Inference runs between two polls, before the transaction begins: only the poll interval bounds it.
        return (long) (getInt(MAX_POLL_INTERVAL_MS_CONFIG) * BUDGET_SHARE);
    }

    /** Rules that span keys, one sentence each. */
    private void verifyCombinations() {
        long expectedMs = getLong(BATCH_MAX_WAIT_MS_CONFIG)
                + (long) getInt(BATCH_MAX_SIZE_CONFIG) * getLong(WINDOW_ESTIMATE_MS_CONFIG);
        if (expectedMs > budgetMs()) {
            throw new ConfigException(String.format(Locale.ROOT, "A full batch is expected to take %s + %s x %s = "
                    + "%d ms, more than half of %s (%d ms), %d ms: a batch must finish well within it, so lower %s or "
                    + "raise %s.", BATCH_MAX_WAIT_MS_CONFIG, BATCH_MAX_SIZE_CONFIG, WINDOW_ESTIMATE_MS_CONFIG,
                    expectedMs, MAX_POLL_INTERVAL_MS_CONFIG, getInt(MAX_POLL_INTERVAL_MS_CONFIG), budgetMs(),
                    BATCH_MAX_SIZE_CONFIG, MAX_POLL_INTERVAL_MS_CONFIG));
        }
    }

    private static ConfigDef configDef() {
        String[] dtypes = Arrays.stream(ModelDtype.values()).map(ModelDtype::label).toArray(String[]::new);
        String[] providers = Arrays.stream(ExecutionProvider.values()).map(Enum::name).toArray(String[]::new);
        ConfigDef def = new ConfigDef(PipelineConfig.CONFIG_DEF)
                .define(MODEL_CONFIG, Type.STRING, DEFAULT_MODEL, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        MODEL_DOC)
                .define(ENCODER_DTYPE_CONFIG, Type.STRING, DEFAULT_ENCODER_DTYPE, CaseInsensitiveValidString.in(dtypes),
                        Importance.MEDIUM, ENCODER_DTYPE_DOC)
                .define(DECODER_DTYPE_CONFIG, Type.STRING, DEFAULT_DECODER_DTYPE, CaseInsensitiveValidString.in(dtypes),
                        Importance.MEDIUM, DECODER_DTYPE_DOC)
                .define(PROVIDER_CONFIG, Type.STRING, DEFAULT_PROVIDER, CaseInsensitiveValidString.in(providers),
                        Importance.HIGH, PROVIDER_DOC)
                .define(DEVICE_ID_CONFIG, Type.INT, DEFAULT_DEVICE_ID, Range.atLeast(0), Importance.MEDIUM,
                        DEVICE_ID_DOC)
                .define(INTRA_OP_THREADS_CONFIG, Type.INT, DEFAULT_INTRA_OP_THREADS, Range.atLeast(0),
                        Importance.LOW, INTRA_OP_THREADS_DOC)
                .define(LANGUAGE_CONFIG, Type.STRING, DEFAULT_LANGUAGE, Importance.MEDIUM, LANGUAGE_DOC)
                .define(TASK_CONFIG, Type.STRING, DEFAULT_TASK,
                        ConfigDef.ValidString.in(DecodingOptions.TRANSCRIBE, DecodingOptions.TRANSLATE),
                        Importance.MEDIUM, TASK_DOC)
                .define(TIMESTAMPS_CONFIG, Type.BOOLEAN, DEFAULT_TIMESTAMPS, Importance.MEDIUM, TIMESTAMPS_DOC)
                .define(MAX_NEW_TOKENS_CONFIG, Type.INT, DEFAULT_MAX_NEW_TOKENS, Range.atLeast(1), Importance.LOW,
                        MAX_NEW_TOKENS_DOC);
        return defineWorkerKeys(def);
    }

    /** The keys of batching, the consumer group, transactions and shutdown. */
    private static ConfigDef defineWorkerKeys(ConfigDef def) {
        return def
                .define(BATCH_MAX_SIZE_CONFIG, Type.INT, DEFAULT_BATCH_MAX_SIZE, Range.atLeast(1), Importance.HIGH,
                        BATCH_MAX_SIZE_DOC)
                .define(BATCH_MAX_WAIT_MS_CONFIG, Type.LONG, DEFAULT_BATCH_MAX_WAIT_MS, Range.atLeast(0),
                        Importance.HIGH, BATCH_MAX_WAIT_MS_DOC)
                .define(WINDOW_ESTIMATE_MS_CONFIG, Type.LONG, DEFAULT_WINDOW_ESTIMATE_MS, Range.atLeast(1),
                        Importance.MEDIUM, WINDOW_ESTIMATE_MS_DOC)
                .define(GROUP_ID_CONFIG, Type.STRING, DEFAULT_GROUP_ID, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, GROUP_ID_DOC)
                .define(INSTANCE_ID_CONFIG, Type.STRING, DEFAULT_INSTANCE_ID, Importance.HIGH, INSTANCE_ID_DOC)
                .define(STATE_DIR_CONFIG, Type.STRING, DEFAULT_STATE_DIR, Importance.LOW, STATE_DIR_DOC)
                .define(TRANSACTIONAL_ID_CONFIG, Type.STRING, DEFAULT_TRANSACTIONAL_ID, Importance.MEDIUM,
                        TRANSACTIONAL_ID_DOC)
                .define(TRANSACTION_TIMEOUT_MS_CONFIG, Type.INT, DEFAULT_TRANSACTION_TIMEOUT_MS, Range.atLeast(1),
                        Importance.MEDIUM, TRANSACTION_TIMEOUT_MS_DOC)
                .define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, DEFAULT_MAX_POLL_INTERVAL_MS, Range.atLeast(1),
                        Importance.MEDIUM, MAX_POLL_INTERVAL_MS_DOC)
                .define(MAX_RETRIES_CONFIG, Type.INT, DEFAULT_MAX_RETRIES, Range.atLeast(0), Importance.LOW,
                        MAX_RETRIES_DOC)
                .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, DEFAULT_RETRY_BACKOFF_MS, Range.atLeast(0),
                        Importance.LOW, RETRY_BACKOFF_MS_DOC)
                .define(SHUTDOWN_GRACE_MS_CONFIG, Type.LONG, DEFAULT_SHUTDOWN_GRACE_MS, Range.atLeast(0),
                        Importance.MEDIUM, SHUTDOWN_GRACE_MS_DOC);
    }
}
