package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownKeysTest {

    @Test
    void shouldKnowTheRolesTheClientsStreamsAndTheSerdesKeys() {
        assertThat(KnownKeys.unknown(List.of("bootstrap.servers", "transcriber.model", "segmenter.window.mode",
                "stitcher.gap.timeout.ms", "embedded.kafka.port", "topic.calls.audio", "sasl.jaas.config",
                "linger.ms", "isolation.level", "num.standby.replicas", "basic.auth.user.info",
                "producer.compression.type", "main.consumer.max.poll.records"))).isEmpty();
    }

    @Test
    void shouldNameTheKeysNothingReadsInTheOrderGiven() {
        assertThat(KnownKeys.unknown(List.of("bootstrap.server", "linger.ms", "transcriber.modle",
                "producer.no.such.key"))).containsExactly("bootstrap.server", "transcriber.modle",
                "producer.no.such.key");
    }
}
