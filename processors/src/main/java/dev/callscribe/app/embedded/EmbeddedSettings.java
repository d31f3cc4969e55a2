package dev.callscribe.app.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the embedded stack listens and keeps its data.
 *
 * @param bindAddress    the address the broker and the registry listen on ({@code 127.0.0.1}: this machine only)
 * @param advertisedHost the host name other processes reach them at; empty for the bind address, or this machine's
 *                       name when the bind address is the wildcard
 * @param kafkaPort      the broker's client port; 0 for a free one
 * @param registryPort   the registry's HTTP port; 0 for a free one
 * @param dataDir        where data is kept across runs; empty for a fresh temporary directory deleted on close
 */
public record EmbeddedSettings(String bindAddress, String advertisedHost, int kafkaPort, int registryPort,
        Optional<Path> dataDir) {

    /** Loopback only, the well-known ports, nothing kept: what {@code run --embedded} does unless configured. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    /** The port number that asks for any free port. */
    public static final int FREE_PORT = 0;

    private static final String WILDCARD = "0.0.0.0";

    public EmbeddedSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort("kafkaPort", kafkaPort);
        requirePort("registryPort", registryPort);
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
    }

    /** The defaults: 127.0.0.1, ports 9092 and 8081, a temporary data directory. */
    public static EmbeddedSettings defaults() {
        return new EmbeddedSettings(DEFAULT_BIND_ADDRESS, "", DEFAULT_KAFKA_PORT, DEFAULT_REGISTRY_PORT,
                Optional.empty());
    }

    /** The same settings with free ports for both servers (tests, the demo). */
    public EmbeddedSettings withFreePorts() {
        return new EmbeddedSettings(bindAddress, advertisedHost, FREE_PORT, FREE_PORT, dataDir);
    }

    /** The same settings keeping data in {@code directory} across runs. */
    public EmbeddedSettings withDataDir(Path directory) {
        return new EmbeddedSettings(bindAddress, advertisedHost, kafkaPort, registryPort, Optional.of(directory));
    }

    /** The host name other processes use: the advertised host, else the bind address or this machine's name. */
    public String reachableHost() {
        if (!advertisedHost.isBlank()) {
            return advertisedHost;
        }
        if (!bindAddress.equals(WILDCARD) && !bindAddress.equals("::")) {
            return bindAddress;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the embedded stack listens on every interface and this machine's name "
                    + "cannot be resolved; set embedded.advertised.host", e);
        }
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) to 65535, got " + port);
        }
    }
}
