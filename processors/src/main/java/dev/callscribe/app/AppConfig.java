package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineConfig;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration of {@code callscribe run}: the keys every role shares ({@link PipelineConfig}) plus the keys of
 * the process that hosts the roles (the metrics endpoint, the embedded broker). The README's "Running the pipeline"
 * table is rendered from {@link #CONFIG_DEF}.
 */
public final class AppConfig extends PipelineConfig {

    public static final String METRICS_PORT_CONFIG = "metrics.port";
    private static final String METRICS_PORT_DOC = "Port of the HTTP server for /metrics (Prometheus), /health and "
            + "/ready, on every interface; 0 picks a free port, -1 disables the server.";
    public static final int DEFAULT_METRICS_PORT = 9400;
    /** The {@link #METRICS_PORT_CONFIG} value that disables the HTTP server. */
    public static final int METRICS_DISABLED = -1;

    public static final String EMBEDDED_DATA_DIR_CONFIG = "embedded.data.dir";
    private static final String EMBEDDED_DATA_DIR_DOC = "With --embedded: the directory under which the in-process "
            + "broker keeps its logs, in a fresh subdirectory deleted at shutdown (the embedded broker keeps nothing "
            + "between runs); empty means the system temporary directory.";
    public static final String DEFAULT_EMBEDDED_DATA_DIR = "";

    /** The registry of the embedded mode when none is configured: in memory, shared by the roles of this process. */
    public static final String EMBEDDED_SCHEMA_REGISTRY_URL = "mock://callscribe";

    /** Keys of the hosting process only; they are not handed to the roles. */
    public static final Set<String> PROCESS_KEYS = Set.of(METRICS_PORT_CONFIG, EMBEDDED_DATA_DIR_CONFIG);

    /** The shared keys and the process keys. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(PipelineConfig.CONFIG_DEF)
            .define(METRICS_PORT_CONFIG, Type.INT, DEFAULT_METRICS_PORT,
                    ConfigDef.Range.between(METRICS_DISABLED, 65_535), Importance.MEDIUM, METRICS_PORT_DOC)
            .define(EMBEDDED_DATA_DIR_CONFIG, Type.STRING, DEFAULT_EMBEDDED_DATA_DIR, Importance.LOW,
                    EMBEDDED_DATA_DIR_DOC);

    public AppConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    /** The port of the metrics server; 0 for any free port, {@link #METRICS_DISABLED} for none. */
    public int metricsPort() {
        return getInt(METRICS_PORT_CONFIG);
    }

    /** Whether the metrics, health and readiness endpoints are served. */
    public boolean metricsEnabled() {
        return metricsPort() != METRICS_DISABLED;
    }

    /** Where the embedded broker's data directory goes; empty for the system temporary directory. */
    public String embeddedDataDir() {
        return getString(EMBEDDED_DATA_DIR_CONFIG);
    }
}
