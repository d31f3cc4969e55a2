package dev.callscribe.it.failures;

import dev.callscribe.it.scale.Polls;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.Await;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a publisher's first chunks are on calls.audio: its end offsets have moved past where they were before
 * it started. Faults are timed from then: the publisher stands for a contact center's producer, outside the system
 * under test, and one that cannot look up its schema before its first send gives up (as {@code publish} does after
 * its registry client's retries) instead of being tested.
 */
final class AudioOnTheAir {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String bootstrapServers;
    private final int partitions;

    AudioOnTheAir(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    /** The sum of calls.audio's end offsets now. */
    long ends() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed().collect(
                    Collectors.toMap(p -> new TopicPartition(Topics.AUDIO.name(), p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + Topics.AUDIO.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until calls.audio has more records than {@code before}. */
    void awaitMoreThan(long before) {
        Await.until("the publisher's first chunks on " + Topics.AUDIO.name(), TIMEOUT,
                Polls.throttled(() -> ends() > before));
    }
}
