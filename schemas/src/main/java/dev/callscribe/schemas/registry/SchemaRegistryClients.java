package dev.callscribe.schemas.registry;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Chooses the registry client a configuration asks for: in memory for {@code mock://}, REST otherwise. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /** A client for the registry named by {@code schema.registry.url} in these configs. */
    public static SchemaRegistryClient create(Map<?, ?> configs) {
        return create(new RegistryClientConfig(configs));
    }

    /** A client for the registry named by {@code schema.registry.url} in this config. */
    public static SchemaRegistryClient create(RegistryClientConfig config) {
        List<String> urls = config.urls();
        if (urls.stream().noneMatch(MockSchemaRegistry::isMockUrl)) {
            return new RestSchemaRegistryClient(config);
        }
        if (urls.size() > 1) {
            throw new ConfigException(RegistryClientConfig.URL_CONFIG, urls,
                    "a mock:// URL must be the only registry URL");
        }
        return MockSchemaRegistry.forScope(MockSchemaRegistry.scopeOf(urls.get(0)));
    }
}
