package dev.callscribe.app;

import dev.callscribe.app.embedded.EmbeddedSettings;
import dev.callscribe.pipeline.PipelineConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
    private static final String EMBEDDED_DATA_DIR_DOC = "With --embedded: where the embedded broker, the schema "
            + "registry and the Streams roles keep their data, kept from one run to the next, so a restarted "
            + "run --embedded has its topics, offsets, transactions and schema ids back (delete the directory to "
            + "start afresh). Empty: a fresh temporary directory, deleted at shutdown.";
    public static final String DEFAULT_EMBEDDED_DATA_DIR = "";

    public static final String EMBEDDED_BIND_ADDRESS_CONFIG = "embedded.bind.address";
    private static final String EMBEDDED_BIND_ADDRESS_DOC = "With --embedded: the address the broker and the "
            + "registry listen on. The default serves this machine only; 0.0.0.0 serves every interface (neither "
            + "server has authentication).";

    public static final String EMBEDDED_ADVERTISED_HOST_CONFIG = "embedded.advertised.host";
    private static final String EMBEDDED_ADVERTISED_HOST_DOC = "With --embedded: the host name other processes "
            + "reach the broker and the registry at (the broker's advertised.listeners); empty uses the bind "
            + "address, or this machine's name when it binds every interface.";
    public static final String DEFAULT_EMBEDDED_ADVERTISED_HOST = "";

    public static final String EMBEDDED_KAFKA_PORT_CONFIG = "embedded.kafka.port";
    private static final String EMBEDDED_KAFKA_PORT_DOC = "With --embedded: the broker's port (its "
            + "bootstrap.servers); 0 picks a free one. Fixed, so processes pointed at it reconnect after a restart.";

    public static final String EMBEDDED_REGISTRY_PORT_CONFIG = "embedded.registry.port";
    private static final String EMBEDDED_REGISTRY_PORT_DOC = "With --embedded: the port of the schema registry "
            + "(Confluent's REST API, its schema.registry.url); 0 picks a free one.";

    private static final int MAX_PORT = 65_535;

    /** Keys of the hosting process only; they are not handed to the roles. */
    public static final Set<String> PROCESS_KEYS = Set.of(METRICS_PORT_CONFIG, EMBEDDED_DATA_DIR_CONFIG,
            EMBEDDED_BIND_ADDRESS_CONFIG, EMBEDDED_ADVERTISED_HOST_CONFIG, EMBEDDED_KAFKA_PORT_CONFIG,
            EMBEDDED_REGISTRY_PORT_CONFIG);

    /** The shared keys and the process keys. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(PipelineConfig.CONFIG_DEF)
            .define(METRICS_PORT_CONFIG, Type.INT, DEFAULT_METRICS_PORT,
                    ConfigDef.Range.between(METRICS_DISABLED, MAX_PORT), Importance.MEDIUM, METRICS_PORT_DOC)
            .define(EMBEDDED_DATA_DIR_CONFIG, Type.STRING, DEFAULT_EMBEDDED_DATA_DIR, Importance.LOW,
                    EMBEDDED_DATA_DIR_DOC)
            .define(EMBEDDED_BIND_ADDRESS_CONFIG, Type.STRING, EmbeddedSettings.DEFAULT_BIND_ADDRESS,
                    new ConfigDef.NonEmptyString(), Importance.LOW, EMBEDDED_BIND_ADDRESS_DOC)
            .define(EMBEDDED_ADVERTISED_HOST_CONFIG, Type.STRING, DEFAULT_EMBEDDED_ADVERTISED_HOST, Importance.LOW,
                    EMBEDDED_ADVERTISED_HOST_DOC)
            .define(EMBEDDED_KAFKA_PORT_CONFIG, Type.INT, EmbeddedSettings.DEFAULT_KAFKA_PORT,
                    ConfigDef.Range.between(0, MAX_PORT), Importance.LOW, EMBEDDED_KAFKA_PORT_DOC)
            .define(EMBEDDED_REGISTRY_PORT_CONFIG, Type.INT, EmbeddedSettings.DEFAULT_REGISTRY_PORT,
                    ConfigDef.Range.between(0, MAX_PORT), Importance.LOW, EMBEDDED_REGISTRY_PORT_DOC);

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

    /** Where the embedded stack listens and keeps its data. */
    public EmbeddedSettings embeddedSettings() {
        String dataDir = getString(EMBEDDED_DATA_DIR_CONFIG);
        return new EmbeddedSettings(getString(EMBEDDED_BIND_ADDRESS_CONFIG),
                getString(EMBEDDED_ADVERTISED_HOST_CONFIG), getInt(EMBEDDED_KAFKA_PORT_CONFIG),
                getInt(EMBEDDED_REGISTRY_PORT_CONFIG),
                dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir)));
    }
}
