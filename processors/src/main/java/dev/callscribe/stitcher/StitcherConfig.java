package dev.callscribe.stitcher;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.pipeline.StreamsApp;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The stitcher's configuration: the shared keys plus its own, prefixed {@code stitcher.}. */
public final class StitcherConfig extends PipelineConfig {

    public static final String APPLICATION_ID_CONFIG = "stitcher.application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id of the stitcher: its consumer "
            + "group and the prefix of its state store changelogs.";
    public static final String DEFAULT_APPLICATION_ID = "callscribe-stitcher";

    public static final String STATE_DIR_CONFIG = "stitcher.state.dir";
    private static final String STATE_DIR_DOC = "Where the stitcher keeps its local state stores (with --embedded, "
            + "unless set: beside the embedded broker's data, and deleted with it unless embedded.data.dir is set).";
    public static final String DEFAULT_STATE_DIR = StreamsApp.DEFAULT_STATE_ROOT + "/stitcher";

    public static final String GAP_TIMEOUT_MS_CONFIG = "stitcher.gap.timeout.ms";
    private static final String GAP_TIMEOUT_MS_DOC = "How long later windows of a channel wait for a missing one (a "
            + "window rejected upstream, say) before the stitcher carries on without it.";
    public static final long DEFAULT_GAP_TIMEOUT_MS = 30_000;

    public static final String FINISHED_CALL_RETENTION_MS_CONFIG = "stitcher.finished.call.retention.ms";
    private static final String FINISHED_CALL_RETENTION_MS_DOC = "How long a finished call is remembered, so that a "
            + "window arriving after its FINAL is recognised as late and not started over.";
    public static final long DEFAULT_FINISHED_CALL_RETENTION_MS = 3_600_000;

    public static final String NUM_THREADS_CONFIG = "stitcher.num.stream.threads";
    private static final String NUM_THREADS_DOC = "Stream threads of the stitcher.";
    public static final int DEFAULT_NUM_THREADS = 1;

    /** Every key: the shared ones and the stitcher's. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(PipelineConfig.CONFIG_DEF)
            .define(APPLICATION_ID_CONFIG, Type.STRING, DEFAULT_APPLICATION_ID, Importance.MEDIUM,
                    APPLICATION_ID_DOC)
            .define(STATE_DIR_CONFIG, Type.STRING, DEFAULT_STATE_DIR, Importance.MEDIUM, STATE_DIR_DOC)
            .define(GAP_TIMEOUT_MS_CONFIG, Type.LONG, DEFAULT_GAP_TIMEOUT_MS, ConfigDef.Range.atLeast(0),
                    Importance.LOW, GAP_TIMEOUT_MS_DOC)
            .define(FINISHED_CALL_RETENTION_MS_CONFIG, Type.LONG, DEFAULT_FINISHED_CALL_RETENTION_MS,
                    ConfigDef.Range.atLeast(0), Importance.LOW, FINISHED_CALL_RETENTION_MS_DOC)
            .define(NUM_THREADS_CONFIG, Type.INT, DEFAULT_NUM_THREADS, ConfigDef.Range.atLeast(1), Importance.LOW,
                    NUM_THREADS_DOC);

    public StitcherConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }
}
