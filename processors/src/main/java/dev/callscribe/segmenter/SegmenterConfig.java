package dev.callscribe.segmenter;

import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.pipeline.StreamsApp;
import dev.callscribe.vad.VadOptions;
import dev.callscribe.windowing.WindowMode;
import dev.callscribe.windowing.WindowingOptions;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The segmenter's configuration: the shared keys plus its own, prefixed {@code segmenter.}. */
public final class SegmenterConfig extends PipelineConfig {

    public static final String APPLICATION_ID_CONFIG = "segmenter.application.id";
    public static final String DEFAULT_APPLICATION_ID = "callscribe-segmenter";
    public static final String STATE_DIR_CONFIG = "segmenter.state.dir";
    public static final String DEFAULT_STATE_DIR = StreamsApp.DEFAULT_STATE_ROOT + "/segmenter";
    public static final String NUM_THREADS_CONFIG = "segmenter.num.stream.threads";
    public static final int DEFAULT_NUM_THREADS = 1;

    public static final String WINDOW_MODE_CONFIG = "segmenter.window.mode";
    public static final String DEFAULT_WINDOW_MODE = "utterance";
    public static final String MAX_WINDOW_MS_CONFIG = "segmenter.window.max.ms";
    public static final String LATENCY_BUDGET_MS_CONFIG = "segmenter.window.latency.budget.ms";
    public static final String SPLIT_OVERLAP_MS_CONFIG = "segmenter.window.split.overlap.ms";
    public static final String MIN_SPEECH_MS_CONFIG = "segmenter.window.min.speech.ms";
    public static final String CHUNK_LENGTH_S_CONFIG = "segmenter.chunk.length.s";
    public static final String CHUNK_STRIDE_S_CONFIG = "segmenter.chunk.stride.s";

    public static final String VAD_FRAME_MS_CONFIG = "segmenter.vad.frame.ms";
    public static final String VAD_ON_SCORE_CONFIG = "segmenter.vad.speech.on.score";
    public static final String VAD_OFF_SCORE_CONFIG = "segmenter.vad.speech.off.score";
    public static final String VAD_MIN_SPEECH_MS_CONFIG = "segmenter.vad.min.speech.ms";
    public static final String VAD_MIN_SILENCE_MS_CONFIG = "segmenter.vad.min.silence.ms";
    public static final String VAD_PAD_MS_CONFIG = "segmenter.vad.speech.pad.ms";
    public static final String VAD_ENERGY_FLOOR_DBFS_CONFIG = "segmenter.vad.energy.floor.dbfs";

    public static final String GAP_TIMEOUT_MS_CONFIG = "segmenter.gap.timeout.ms";
    public static final long DEFAULT_GAP_TIMEOUT_MS = 2_000;
    public static final String MAX_EARLY_CHUNKS_CONFIG = "segmenter.max.early.chunks";
    public static final int DEFAULT_MAX_EARLY_CHUNKS = 64;
    public static final String INACTIVITY_TIMEOUT_MS_CONFIG = "segmenter.inactivity.timeout.ms";
    public static final long DEFAULT_INACTIVITY_TIMEOUT_MS = 30_000;
    public static final String MAX_CHUNK_MS_CONFIG = "segmenter.max.chunk.ms";
    public static final long DEFAULT_MAX_CHUNK_MS = 10_000;
    public static final String MAX_GAP_MS_CONFIG = "segmenter.max.gap.ms";
    public static final long DEFAULT_MAX_GAP_MS = 600_000;
    public static final String MAX_CALL_MS_CONFIG = "segmenter.max.call.ms";
    public static final long DEFAULT_MAX_CALL_MS = 7_200_000;
    public static final String MAX_CHANNELS_CONFIG = "segmenter.max.channels";
    public static final int DEFAULT_MAX_CHANNELS = 8;
    public static final String DEFAULT_SPEAKERS_CONFIG = "segmenter.default.speakers";
    public static final String DEFAULT_DEFAULT_SPEAKERS = "agent,customer";
    public static final String ENDED_CALL_RETENTION_MS_CONFIG = "segmenter.ended.call.retention.ms";
    public static final long DEFAULT_ENDED_CALL_RETENTION_MS = 3_600_000;

    /** Every key: the shared ones and the segmenter's. */
    public static final ConfigDef CONFIG_DEF = configDef();

    public SegmenterConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        try {
            windowingOptions();
            vadOptions();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid segmenter.window.* or segmenter.vad.* settings: " + e.getMessage());
        }
    }

    /** How windows are cut, from the segmenter.window.* and segmenter.chunk.* keys. */
    public WindowingOptions windowingOptions() {
        WindowMode mode = WindowMode.valueOf(getString(WINDOW_MODE_CONFIG).toUpperCase(Locale.ROOT));
        double chunk = getDouble(CHUNK_LENGTH_S_CONFIG);
        double stride = getDouble(CHUNK_STRIDE_S_CONFIG);
        ChunkingOptions chunking = stride < 0 ? ChunkingOptions.defaults(chunk)
                : ChunkingOptions.defaults(chunk).withStrides(stride, stride);
        return new WindowingOptions(mode, getInt(MAX_WINDOW_MS_CONFIG), getInt(LATENCY_BUDGET_MS_CONFIG),
                getInt(SPLIT_OVERLAP_MS_CONFIG), getInt(MIN_SPEECH_MS_CONFIG), chunking);
    }

    /** Voice activity detection, from the segmenter.vad.* keys. */
    public VadOptions vadOptions() {
        return VadOptions.defaults()
                .withFrameMs(getInt(VAD_FRAME_MS_CONFIG))
                .withThresholds(getDouble(VAD_ON_SCORE_CONFIG), getDouble(VAD_OFF_SCORE_CONFIG))
                .withDurations(getInt(VAD_MIN_SPEECH_MS_CONFIG), getInt(VAD_MIN_SILENCE_MS_CONFIG),
                        getInt(VAD_PAD_MS_CONFIG))
                .withEnergyFloorDbfs(getDouble(VAD_ENERGY_FLOOR_DBFS_CONFIG));
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef(PipelineConfig.CONFIG_DEF)
                .define(APPLICATION_ID_CONFIG, ConfigDef.Type.STRING, DEFAULT_APPLICATION_ID,
                        ConfigDef.Importance.MEDIUM, "Kafka Streams application id of the segmenter: its consumer "
                                + "group and the prefix of its state store changelogs.")
                .define(STATE_DIR_CONFIG, ConfigDef.Type.STRING, DEFAULT_STATE_DIR, ConfigDef.Importance.MEDIUM,
                        "Where the segmenter keeps its local state stores (with --embedded, unless set: beside "
                                + "the embedded broker's data, and deleted with it unless embedded.data.dir is set).")
                .define(NUM_THREADS_CONFIG, ConfigDef.Type.INT, DEFAULT_NUM_THREADS,
                        ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW, "Stream threads of the segmenter.");
        return SegmenterConfigKeys.defineAll(def);
    }
}
