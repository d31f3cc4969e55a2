package dev.callscribe.connect;

import dev.callscribe.schemas.Topics;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of {@link RecordingSourceConnector}: every key declared once, with its documentation and
 * default. Keys not declared here ({@code basic.auth.user.info}, {@code schema.registry.ssl.*} and the rest of the
 * serde's keys) are passed to the Avro serializers unchanged.
 */
public final class RecordingSourceConfig extends AbstractConfig {

    public static final String DIRECTORY_CONFIG = "directory";
    private static final String DIRECTORY_DOC = "Directory watched for call recordings (WAV or FLAC files); its"
            + " subdirectories are not read. In a cluster of several workers every worker must see it at the same"
            + " path (a shared volume), since tasks run on any worker.";

    public static final String TOPIC_CONFIG = "topic";
    public static final String DEFAULT_TOPIC = Topics.AUDIO.name();
    private static final String TOPIC_DOC = "Topic the AudioChunks are published to, keyed by call id (the file name"
            + " without its extension).";

    public static final String DEAD_LETTER_TOPIC_CONFIG = "dead.letter.topic";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = Topics.DEAD_LETTER.name();
    private static final String DEAD_LETTER_TOPIC_DOC = "Topic a DeadLetter goes to for each file that cannot be"
            + " published (not a WAV or FLAC file, an unsupported format, no audio, too large). Its offset marks the"
            + " file as done, so a rejected file is not read again.";

    public static final String FILE_PATTERN_CONFIG = "file.pattern";
    public static final String DEFAULT_FILE_PATTERN = "*.{wav,flac}";
    private static final String FILE_PATTERN_DOC = "Glob the file names must match (java.nio.file.PathMatcher"
            + " syntax, for example *.{wav,WAV,flac,FLAC}). Names starting with '.' never match: write a recording"
            + " under a hidden name and rename it when it is complete.";

    public static final String CHUNK_LENGTH_MS_CONFIG = "chunk.length.ms";
    public static final int DEFAULT_CHUNK_LENGTH_MS = 1000;
    private static final String CHUNK_LENGTH_MS_DOC = "Audio per AudioChunk, in milliseconds (the last chunk of a"
            + " call may be shorter). A file resumed after a restart keeps the length it started with.";

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final long DEFAULT_POLL_INTERVAL_MS = 5000;
    private static final String POLL_INTERVAL_MS_DOC = "How often a task lists the directory for new files when it"
            + " has nothing to publish.";

    public static final String FILE_MIN_AGE_MS_CONFIG = "file.min.age.ms";
    public static final long DEFAULT_FILE_MIN_AGE_MS = 5000;
    private static final String FILE_MIN_AGE_MS_DOC = "A file is read only once it has not been modified for this"
            + " long (by the worker's clock), so a recording still being written is left alone. Its size and"
            + " modification time are checked again after reading, and a file that changed meanwhile is read again"
            + " later.";

    public static final String FILE_MAX_BYTES_CONFIG = "file.max.bytes";
    public static final long DEFAULT_FILE_MAX_BYTES = 256L * 1024 * 1024;
    private static final String FILE_MAX_BYTES_DOC = "Largest file a task reads; a task holds one file in memory at"
            + " a time. Larger files are rejected (dead letter OVERSIZE_CHUNK).";

    public static final String FINISHED_ACTION_CONFIG = "finished.action";
    public static final String DEFAULT_FINISHED_ACTION = FinishedAction.LEAVE.name();
    private static final String FINISHED_ACTION_DOC = "What happens to a file once its last record is committed:"
            + " LEAVE it (the offsets remember it is done) or MOVE it to finished.directory (rejected files to"
            + " rejected.directory).";

    public static final String FINISHED_DIRECTORY_CONFIG = "finished.directory";
    private static final String FINISHED_DIRECTORY_DOC = "Where finished.action=MOVE moves published files (created"
            + " if missing). A name taken already gets a numbered suffix; nothing is overwritten.";

    public static final String REJECTED_DIRECTORY_CONFIG = "rejected.directory";
    private static final String REJECTED_DIRECTORY_DOC = "Where finished.action=MOVE moves rejected files; empty"
            + " means finished.directory.";

    public static final String SPEAKERS_CONFIG = "speakers";
    private static final String SPEAKERS_DOC = "Speaker label per channel, in channel order (for example"
            + " agent,customer), set on every chunk; empty keeps the pipeline's default (channel 0 agent, channel 1"
            + " customer).";

    public static final String BATCH_MAX_CHUNKS_CONFIG = "batch.max.chunks";
    public static final int DEFAULT_BATCH_MAX_CHUNKS = 100;
    private static final String BATCH_MAX_CHUNKS_DOC = "Most chunks one poll returns; with exactly-once support, a"
            + " poll is one transaction, so this also bounds a transaction.";

    public static final String REPLAY_SPEED_CONFIG = "replay.speed";
    public static final double DEFAULT_REPLAY_SPEED = 0.0;
    private static final String REPLAY_SPEED_DOC = "0 publishes as fast as Kafka takes it. A positive value paces"
            + " each file like a live call: a chunk is published when its audio would have been captured, 1.0 in"
            + " real time, 10.0 ten times as fast (for load tests and demos).";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema Registry URLs for the Avro values (Confluent wire"
            + " format, subjects <topic>-value). Every other key of callscribe's serde (basic.auth.*,"
            + " schema.registry.ssl.*, auto.register.schemas, ...) is passed to the serializers as given.";

    /** Set by the connector on each task's configuration, never by users. */
    static final String TASK_INDEX_CONFIG = "task.index";
    static final String TASK_COUNT_CONFIG = "task.count";

    /** The keys a user sets. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DIRECTORY_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, DIRECTORY_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    SCHEMA_REGISTRY_URL_DOC)
            .define(TOPIC_CONFIG, Type.STRING, DEFAULT_TOPIC, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    TOPIC_DOC)
            .define(DEAD_LETTER_TOPIC_CONFIG, Type.STRING, DEFAULT_DEAD_LETTER_TOPIC, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, DEAD_LETTER_TOPIC_DOC)
            .define(FILE_PATTERN_CONFIG, Type.STRING, DEFAULT_FILE_PATTERN, new GlobValidator(),
                    Importance.MEDIUM, FILE_PATTERN_DOC)
            .define(CHUNK_LENGTH_MS_CONFIG, Type.INT, DEFAULT_CHUNK_LENGTH_MS, ConfigDef.Range.between(1, 60_000),
                    Importance.MEDIUM, CHUNK_LENGTH_MS_DOC)
            .define(FILE_MIN_AGE_MS_CONFIG, Type.LONG, DEFAULT_FILE_MIN_AGE_MS, ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, FILE_MIN_AGE_MS_DOC)
            .define(FINISHED_ACTION_CONFIG, Type.STRING, DEFAULT_FINISHED_ACTION,
                    ConfigDef.CaseInsensitiveValidString.in(FinishedAction.LEAVE.name(), FinishedAction.MOVE.name()),
                    Importance.MEDIUM, FINISHED_ACTION_DOC)
            .define(FINISHED_DIRECTORY_CONFIG, Type.STRING, "", Importance.MEDIUM, FINISHED_DIRECTORY_DOC)
            .define(REJECTED_DIRECTORY_CONFIG, Type.STRING, "", Importance.LOW, REJECTED_DIRECTORY_DOC)
            .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, DEFAULT_POLL_INTERVAL_MS, ConfigDef.Range.atLeast(10),
                    Importance.LOW, POLL_INTERVAL_MS_DOC)
            .define(FILE_MAX_BYTES_CONFIG, Type.LONG, DEFAULT_FILE_MAX_BYTES, ConfigDef.Range.between(44,
                    Integer.MAX_VALUE - 8), Importance.LOW, FILE_MAX_BYTES_DOC)
            .define(SPEAKERS_CONFIG, Type.LIST, "", Importance.LOW, SPEAKERS_DOC)
            .define(BATCH_MAX_CHUNKS_CONFIG, Type.INT, DEFAULT_BATCH_MAX_CHUNKS, ConfigDef.Range.atLeast(1),
                    Importance.LOW, BATCH_MAX_CHUNKS_DOC)
            .define(REPLAY_SPEED_CONFIG, Type.DOUBLE, DEFAULT_REPLAY_SPEED, ConfigDef.Range.atLeast(0),
                    Importance.LOW, REPLAY_SPEED_DOC);

    private static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .defineInternal(TASK_INDEX_CONFIG, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "This task's index among task.count, set by the connector.")
            .defineInternal(TASK_COUNT_CONFIG, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How many tasks share the directory, set by the connector.");

    /**
     * Parses and checks a connector's or task's configuration.
     *
     * @throws ConfigException naming the key whose value is missing or invalid, or the keys that contradict
     */
    public RecordingSourceConfig(Map<String, String> props) {
        super(TASK_CONFIG_DEF, props, false);
        checkDirectories();
        if (taskIndex() >= taskCount()) {
            throw new ConfigException(TASK_INDEX_CONFIG + " " + taskIndex() + " must be below " + TASK_COUNT_CONFIG
                    + " " + taskCount());
        }
    }

    public Path directory() {
        return Path.of(getString(DIRECTORY_CONFIG)).toAbsolutePath().normalize();
    }

    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    public String deadLetterTopic() {
        return getString(DEAD_LETTER_TOPIC_CONFIG);
    }

    /** Matches file names (not paths) against {@code file.pattern}. */
    public PathMatcher fileMatcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + getString(FILE_PATTERN_CONFIG));
    }

    public Duration chunkLength() {
        return Duration.ofMillis(getInt(CHUNK_LENGTH_MS_CONFIG));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS_CONFIG));
    }

    public Duration fileMinAge() {
        return Duration.ofMillis(getLong(FILE_MIN_AGE_MS_CONFIG));
    }

    public long fileMaxBytes() {
        return getLong(FILE_MAX_BYTES_CONFIG);
    }

    public FinishedAction finishedAction() {
        return FinishedAction.valueOf(getString(FINISHED_ACTION_CONFIG).toUpperCase(Locale.ROOT));
    }

    /** Where MOVE puts published files; empty with LEAVE. */
    public Optional<Path> finishedDirectory() {
        return optionalPath(FINISHED_DIRECTORY_CONFIG);
    }

    /** Where MOVE puts rejected files: rejected.directory, else finished.directory. */
    public Optional<Path> rejectedDirectory() {
        return optionalPath(REJECTED_DIRECTORY_CONFIG).or(this::finishedDirectory);
    }

    /** Speaker labels by channel, or null for the pipeline's default. */
    public List<String> speakers() {
        List<String> speakers = getList(SPEAKERS_CONFIG);
        return speakers.isEmpty() ? null : List.copyOf(speakers);
    }

    public int batchMaxChunks() {
        return getInt(BATCH_MAX_CHUNKS_CONFIG);
    }

    /** 0 for as fast as possible, else how many times faster than real time chunks are published. */
    public double replaySpeed() {
        return getDouble(REPLAY_SPEED_CONFIG);
    }

    /** The configuration the serializers get: everything given, so the serde's own keys pass through. */
    public Map<String, Object> serdeConfig() {
        return Map.copyOf(originals());
    }

    /** Which files this task publishes. */
    FileAssignment assignment() {
        return new FileAssignment(taskIndex(), taskCount());
    }

    private int taskIndex() {
        return getInt(TASK_INDEX_CONFIG);
    }

    private int taskCount() {
        return getInt(TASK_COUNT_CONFIG);
    }

    private Optional<Path> optionalPath(String key) {
        String value = getString(key).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value).toAbsolutePath().normalize());
    }

    /** The rules that span keys, each naming the keys involved. */
    private void checkDirectories() {
        if (finishedAction() == FinishedAction.MOVE && finishedDirectory().isEmpty()) {
            throw new ConfigException(FINISHED_ACTION_CONFIG + "=MOVE needs " + FINISHED_DIRECTORY_CONFIG
                    + ": where published files go");
        }
        for (String key : List.of(FINISHED_DIRECTORY_CONFIG, REJECTED_DIRECTORY_CONFIG)) {
            if (optionalPath(key).filter(directory()::equals).isPresent()) {
                throw new ConfigException(key + " must differ from " + DIRECTORY_CONFIG + " (" + directory()
                        + "): files moved there would be read again");
            }
        }
    }

    /** Accepts what {@link java.nio.file.FileSystem#getPathMatcher} accepts after "glob:". */
    private static final class GlobValidator implements Validator {

        @Override
        public void ensureValid(String name, Object value) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "not a valid glob: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a glob, for example *.wav";
        }
    }
}
