package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.app.embedded.EmbeddedKafka;
import dev.callscribe.app.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness follows the broker: stopped, the probe says unreachable within its bound; back, reachable again. */
class BrokerProbeTest {

    /** An outage shows within one interval plus one timeout; the test allows for a slow machine on top. */
    private static final Duration BOUND = BrokerProbe.INTERVAL.plus(BrokerProbe.TIMEOUT).plusSeconds(5);

    @TempDir
    Path dataDir;

    @Test
    void shouldSayTheBrokerIsUnreachableWhileItIsStoppedAndReachableOnceBack() {
        // Given a broker and a probe of it
        EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedSettings.defaults().withFreePorts(), dataDir);
        String bootstrap = broker.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (BrokerProbe probe = BrokerProbe.start(Map.of("bootstrap.servers", bootstrap, "ignored.key", "x"),
                Duration.ofMillis(500), Duration.ofSeconds(2))) {
            Conditions.await("the probe finding the broker", probe::reachable);

            // When the broker stops
            long stoppedAt = System.nanoTime();
            broker.close();

            // Then the probe says unreachable within the bound
            Conditions.await("the probe missing the broker", () -> !probe.reachable());
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(BOUND);

            // When it starts again on the same port and data
            EmbeddedSettings samePort = new EmbeddedSettings(EmbeddedSettings.DEFAULT_BIND_ADDRESS, "", port,
                    EmbeddedSettings.FREE_PORT, Optional.empty());
            broker = EmbeddedKafka.start(samePort, dataDir);

            // Then it is reachable again
            Conditions.await("the probe finding the broker again", probe::reachable);
        } finally {
            broker.close();
        }
    }
}
