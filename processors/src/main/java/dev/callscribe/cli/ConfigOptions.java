package dev.callscribe.cli;

import dev.callscribe.app.EffectiveConfig;
import dev.callscribe.app.EnvironmentVariables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The configuration options of every command that talks to Kafka: a properties file and {@code --set} keys, which
 * with the {@code CALLSCRIBE_*} environment variables make the configuration ({@code --set} > environment > file >
 * defaults), as the README's "Configuration sources" documents. A picocli mixin.
 */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of configuration keys: "
            + "callscribe's, and any Kafka client or registry setting (security.protocol, sasl.*, ssl.*, "
            + "basic.auth.*, schema.registry.ssl.*), as Kafka's tools take them with --command-config.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A configuration key; repeatable, wins over "
            + "the environment (" + EnvironmentVariables.PREFIX + "*) and the file.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    Map<String, String> overrides() {
        return overrides;
    }

    /**
     * Every key given, merged.
     *
     * @param shortcuts command-line settings of the command's own options (such as {@code --bootstrap-servers}),
     *                  under {@code --set}
     */
    Map<String, String> values(Map<String, String> environment, Map<String, String> shortcuts) {
        Map<String, String> commandLine = new LinkedHashMap<>(shortcuts);
        commandLine.putAll(overrides);
        Map<String, String> file = configFile().map(EffectiveConfig::readFile).orElse(Map.of());
        return EffectiveConfig.merge(file, environment, commandLine).values();
    }
}
