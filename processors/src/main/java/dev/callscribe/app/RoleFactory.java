package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/** Builds one role, not yet started, from the process's configuration. */
@FunctionalInterface
public interface RoleFactory {

    /**
     * Builds the role.
     *
     * @param config every key given to the process (file, environment, command line, embedded overrides) except the
     *               hosting process's own ({@link AppConfig#PROCESS_KEYS}); the role applies its ConfigDef's
     *               defaults; immutable
     * @param registry the process's meter registry, for the role's meters and its Kafka clients'
     *                 ({@link dev.callscribe.pipeline.KafkaClientMeters}); shared, thread-safe, owned by the process
     * @return the role, which the caller starts and closes
     * @throws Exception if the role cannot be built (a model that cannot be loaded, say)
     */
    PipelineRole create(Map<String, String> config, MeterRegistry registry) throws Exception;
}
