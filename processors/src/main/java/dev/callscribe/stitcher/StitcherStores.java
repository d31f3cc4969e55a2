package dev.callscribe.stitcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stitcher's three state stores and their keys. Channel keys are {@code callId|channel}; pending windows are kept
 * under {@code callId|channel|index} with the index zero-padded, so a range scan returns them in index order.
 */
final class StitcherStores {

    static final String CHANNELS = "stitcher-channels";
    static final String PENDING = "stitcher-pending";
    static final String CALLS = "stitcher-calls";

    private static final String SEPARATOR = "|";
    private static final String INDEX_FORMAT = "%019d";

    final KeyValueStore<String, ChannelProgress> channels;
    final KeyValueStore<String, byte[]> pending;
    final KeyValueStore<String, CallProgress> calls;

    StitcherStores(KeyValueStore<String, ChannelProgress> channels, KeyValueStore<String, byte[]> pending,
                   KeyValueStore<String, CallProgress> calls) {
        this.channels = channels;
        this.pending = pending;
        this.calls = calls;
    }

    static String channelKey(String callId, int channel) {
        return callId + SEPARATOR + channel;
    }

    static String pendingKey(String channelKey, long index) {
        return channelKey + SEPARATOR + String.format(INDEX_FORMAT, index);
    }

    /** The lowest pending window index of a channel, if any waits. */
    Optional<Long> lowestPending(String channelKey) {
        try (KeyValueIterator<String, byte[]> range = pending.prefixScan(channelKey + SEPARATOR,
                new StringSerializer())) {
            if (!range.hasNext()) {
                return Optional.empty();
            }
            String key = range.next().key;
            return Optional.of(Long.parseLong(key.substring(key.lastIndexOf(SEPARATOR) + 1)));
        }
    }

    /** Takes a pending window out of the store, if it is there. */
    Optional<byte[]> takePending(String channelKey, long index) {
        String key = pendingKey(channelKey, index);
        byte[] value = pending.get(key);
        if (value != null) {
            pending.delete(key);
        }
        return Optional.ofNullable(value);
    }

    /** Channels that have a window waiting for a missing earlier one. */
    List<KeyValue<String, ChannelProgress>> waitingChannels() {
        List<KeyValue<String, ChannelProgress>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ChannelProgress> all = channels.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.waitingSinceMs() > 0) {
                    waiting.add(entry);
                }
            });
        }
        return waiting;
    }

    /** Calls whose combined FINAL was emitted before {@code cutoffMs}. */
    List<String> callsFinishedBefore(long cutoffMs) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CallProgress> all = calls.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.combinedEmitted() && entry.value.finishedAtMs() < cutoffMs) {
                    old.add(entry.key);
                }
            });
        }
        return old;
    }
}
