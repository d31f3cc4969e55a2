package dev.callscribe.cli;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the client commands ({@code publish}, {@code tail}) find Kafka and the schema registry: shortcuts for the
 * two keys every client needs, which count as {@code --set} settings (an explicit {@code --set} of the same key wins).
 * A picocli mixin.
 */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Shortcut for --set "
            + "bootstrap.servers=... (default: " + PipelineConfig.DEFAULT_BOOTSTRAP_SERVERS + ", where "
            + "run --embedded listens).")
    private String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", description = "Shortcut for --set "
            + "schema.registry.url=... (default: " + PipelineConfig.DEFAULT_SCHEMA_REGISTRY_URL + ", where "
            + "run --embedded serves its registry).")
    private String registryUrl;

    /** The shortcuts given, as configuration keys. */
    Map<String, String> shortcuts() {
        Map<String, String> given = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            given.put(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (registryUrl != null) {
            given.put(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        }
        return given;
    }

    /**
     * Refuses a {@code mock://} registry: it lives inside one process, and a client command is a process of its own,
     * so records it wrote would name schema ids no other process can resolve (and be dead-lettered), and records it
     * read would not decode.
     *
     * @throws IllegalArgumentException naming the key, the value and what to use instead
     */
    static void requireSharedRegistry(PipelineConfig config) {
        String urls = config.getString(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG);
        if (Arrays.stream(urls.split(",")).anyMatch(MockSchemaRegistry::isMockUrl)) {
            throw new IllegalArgumentException(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG + "=" + urls.trim()
                    + " names an in-memory registry inside this process, which no other process can read: use a "
                    + "registry served over HTTP, such as the one callscribe run --embedded serves (it prints its URL; "
                    + PipelineConfig.DEFAULT_SCHEMA_REGISTRY_URL + " by default)");
        }
    }
}
