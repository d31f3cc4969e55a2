package dev.callscribe.it.scale;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * What the group coordinator says about a consumer group at one moment: its state, and for each member (by client
 * id) the partitions of one topic assigned to it. Kafka Streams applications are consumer groups named by their
 * application id, so the same view shows how Streams instances share their source topics.
 *
 * @param state      the group's state; assignments are settled only when it is {@link GroupState#STABLE}
 * @param partitions the topic's partitions each member holds, by client id, sorted
 */
record GroupView(GroupState state, Map<String, Set<Integer>> partitions) {

    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Describes {@code groupId} and keeps, per member, its partitions of {@code topic}.
     *
     * @throws AssertionError when the broker does not answer within 10 s
     */
    static GroupView describe(Admin admin, String groupId, String topic) {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(DESCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted describing group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot describe group " + groupId + ": " + e, e);
        }
        Map<String, Set<Integer>> partitions = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            partitions.put(member.clientId(), partitionsOf(member.assignment().topicPartitions(), topic));
        }
        return new GroupView(group.groupState(), partitions);
    }

    /**
     * Whether the group is stable with exactly {@code members} members, each holding at least one partition, and
     * every one of the topic's {@code partitionCount} partitions held by exactly one member: work is shared and
     * nothing is left unowned or owned twice.
     */
    boolean isSettledAmong(int members, int partitionCount) {
        Set<Integer> owned = partitions.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
        int held = partitions.values().stream().mapToInt(Set::size).sum();
        return state == GroupState.STABLE && partitions.size() == members
                && partitions.values().stream().noneMatch(Set::isEmpty)
                && owned.size() == partitionCount && held == partitionCount;
    }

    /**
     * The partitions held by members whose client id contains {@code name} (a transcriber's client ids contain its
     * instance id); empty if there is none.
     */
    Set<Integer> partitionsOf(String name) {
        return partitions.entrySet().stream().filter(member -> member.getKey().contains(name))
                .flatMap(member -> member.getValue().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> partitionsOf(Set<TopicPartition> assigned, String topic) {
        return assigned.stream().filter(partition -> partition.topic().equals(topic))
                .map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }
}
