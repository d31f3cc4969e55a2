package dev.callscribe.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing and leaves existing ones alone: their partitions, replication and
 * configuration are the operator's. An existing topic with fewer partitions than configured gets a warning, since it
 * caps how many instances of a stage can share the work. Safe to run from several processes at once: a topic another
 * process created in between counts as existing. Each request to the broker waits at most the admin client's
 * {@code default.api.timeout.ms}; a created topic the broker does not know after 30 s is an error, a partition
 * without a leader by then a warning.
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    /** How long a created topic may take to become known to the broker the admin client asks. */
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(50);

    private final Admin admin;

    /** A creator using the given admin client; the caller keeps ownership of it. */
    public TopicCreator(Admin admin) {
        this.admin = admin;
    }

    /**
     * Creates the missing topics among {@code specs} and returns once every one of them can be described with a
     * leader for each partition, so the roles started next find them ready (a broker learns of a new topic shortly
     * after the controller has created it).
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses, with the broker's reason
     */
    public TopicReport createMissing(List<TopicSpec> specs) {
        Set<String> present = await(admin.listTopics().names(), "list topics");
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (present.contains(spec.name()) || !create(spec)) {
                existing.add(spec.name());
            } else {
                created.add(spec.name());
            }
        }
        requireRoomForRecords(specs, existing);
        Map<String, TopicDescription> descriptions = describeWhenVisible(specs.stream().map(TopicSpec::name).toList());
        List<String> warnings = new ArrayList<>(partitionWarnings(specs, existing, descriptions));
        List<String> leaderless = leaderless(descriptions);
        if (!leaderless.isEmpty()) {
            warnings.add("Partitions without a leader after " + VISIBILITY_TIMEOUT.toSeconds() + " s: "
                    + String.join(", ", leaderless) + "; writes to them wait until the cluster elects one.");
        }
        warnings.forEach(LOG::warn);
        return new TopicReport(created, existing, warnings);
    }

    /**
     * Refuses an existing topic whose {@code max.message.bytes} is below what its spec asks for: the records a role
     * writes there (windows of up to 5.8 MB on calls.windows) would be refused mid-call and stop the role, so it is
     * said now, with the command that fixes it.
     */
    private void requireRoomForRecords(List<TopicSpec> specs, List<String> existing) {
        for (TopicSpec spec : specs) {
            String wanted = spec.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (wanted == null || !existing.contains(spec.name())) {
                continue;
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = await(admin.describeConfigs(List.of(topic)).all(), "describe topic " + spec.name())
                    .get(topic);
            long limit = Long.parseLong(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
            if (limit < Long.parseLong(wanted)) {
                throw new IllegalStateException("topic " + spec.name() + " takes records of up to " + limit
                        + " bytes (" + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "), but records of up to " + wanted
                        + " bytes are written to it; raise its limit: kafka-configs.sh --bootstrap-server BROKER "
                        + "--alter --entity-type topics --entity-name " + spec.name() + " --add-config "
                        + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + wanted);
            }
        }
    }

    /** Creates one topic; false when another process created it first. */
    private boolean create(TopicSpec spec) {
        Optional<Short> replication = spec.replicationFactor() == TopicSpec.BROKER_DEFAULT_REPLICATION
                ? Optional.empty() : Optional.of(spec.replicationFactor());
        NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), replication).configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw failure("create topic " + spec.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + spec.name(), e);
        }
    }

    /**
     * Describes the topics, asking again while the broker does not know one of them yet or a partition has no leader
     * yet, up to a bound. Leaders matter: an idempotent producer that writes to a partition before its broker has
     * taken it on can have its first request refused and a later one accepted, and the first then never lands
     * (KAFKA-15591, still in 4.3.1 brokers), so each leader is also asked for its partition's end offset. A partition
     * still without a leader at the bound is left to the warnings.
     */
    private Map<String, TopicDescription> describeWhenVisible(List<String> names) {
        long deadline = System.nanoTime() + VISIBILITY_TIMEOUT.toNanos();
        while (true) {
            boolean late = System.nanoTime() - deadline > 0;
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
                if (late || leaderless(descriptions).isEmpty() && leadersServe(descriptions)) {
                    return descriptions;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || late) {
                    throw failure("describe topics " + names, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics " + names, e);
            }
            LockSupport.parkNanos(VISIBILITY_POLL.toNanos());
        }
    }

    /**
     * Whether every partition's leader answers for it (its end offset): a description names a leader as soon as the
     * metadata does, which can be before that broker has taken the partition on.
     */
    private boolean leadersServe(Map<String, TopicDescription> descriptions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        descriptions.values().forEach(topic -> topic.partitions().forEach(partition ->
                ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(ends).all().get();
            return true;
        } catch (ExecutionException e) {
            return false; // not yet; asked again until the bound
        }
    }

    /** The partitions, as {@code topic-partition}, that have no leader in these descriptions. */
    private static List<String> leaderless(Map<String, TopicDescription> descriptions) {
        return descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .filter(partition -> partition.leader() == null || partition.leader().isEmpty())
                        .map(partition -> topic.name() + "-" + partition.partition()))
                .toList();
    }

    private static List<String> partitionWarnings(List<TopicSpec> specs, List<String> existing,
            Map<String, TopicDescription> descriptions) {
        List<String> warnings = new ArrayList<>();
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            if (existing.contains(spec.name()) && description.partitions().size() < spec.partitions()) {
                warnings.add("Topic " + spec.name() + " has " + description.partitions().size()
                        + " partitions, fewer than the " + spec.partitions() + " configured; it is left as it is "
                        + "(add partitions with kafka-topics --alter if more instances must share it).");
            }
        }
        return warnings;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    private static IllegalStateException failure(String what, Throwable cause) {
        return new IllegalStateException("cannot " + what + ": " + cause.getMessage(), cause);
    }
}
