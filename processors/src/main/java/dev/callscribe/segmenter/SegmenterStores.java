package dev.callscribe.segmenter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The segmenter's state stores. Audio is stored chunk by chunk under {@code callId|channel|startSample} (zero-padded,
 * so a range scan returns it in order), read when a window is cut and deleted once no future window needs it: the
 * changelog carries each byte about twice, instead of rewriting a growing buffer on every chunk.
 */
final class SegmenterStores {

    static final String CALLS = "segmenter-calls";
    static final String EARLY = "segmenter-early-chunks";
    static final String AUDIO = "segmenter-audio";
    static final String ENDED = "segmenter-ended-calls";

    private static final String SEPARATOR = "|";
    private static final String POSITION_FORMAT = "%019d";
    private static final StringSerializer KEYS = new StringSerializer();

    final KeyValueStore<String, CallState> calls;
    final KeyValueStore<String, byte[]> early;
    final KeyValueStore<String, byte[]> audio;
    final KeyValueStore<String, Long> ended;

    SegmenterStores(KeyValueStore<String, CallState> calls, KeyValueStore<String, byte[]> early,
                    KeyValueStore<String, byte[]> audio, KeyValueStore<String, Long> ended) {
        this.calls = calls;
        this.early = early;
        this.audio = audio;
        this.ended = ended;
    }

    static String earlyKey(String callId, long seq) {
        return callId + SEPARATOR + String.format(POSITION_FORMAT, seq);
    }

    static String audioKey(String callId, int channel, long startSample) {
        return channelPrefix(callId, channel) + String.format(POSITION_FORMAT, startSample);
    }

    private static String channelPrefix(String callId, int channel) {
        return callId + SEPARATOR + channel + SEPARATOR;
    }

    /** The early chunks of a call, lowest sequence number first. */
    List<KeyValue<String, byte[]>> earlyChunks(String callId) {
        List<KeyValue<String, byte[]>> chunks = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = early.prefixScan(callId + SEPARATOR, KEYS)) {
            range.forEachRemaining(chunks::add);
        }
        return chunks;
    }

    static long seqOf(String earlyKey) {
        return Long.parseLong(earlyKey.substring(earlyKey.lastIndexOf(SEPARATOR) + 1));
    }

    /** The stored samples [from, to) of a channel, concatenated; samples of {@code bytesPerSample} bytes. */
    byte[] read(String callId, int channel, long from, long to, int bytesPerSample) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KeyValueIterator<String, byte[]> range = audio.prefixScan(channelPrefix(callId, channel), KEYS)) {
            while (range.hasNext()) {
                KeyValue<String, byte[]> piece = range.next();
                long start = seqOf(piece.key);
                long end = start + piece.value.length / bytesPerSample;
                long cutFrom = Math.max(from, start);
                long cutTo = Math.min(to, end);
                if (cutFrom < cutTo) {
                    out.write(piece.value, (int) (cutFrom - start) * bytesPerSample,
                            (int) (cutTo - cutFrom) * bytesPerSample);
                }
            }
        }
        return out.toByteArray();
    }

    /** Deletes a channel's stored pieces that end at or before {@code before}. */
    void release(String callId, int channel, long before, int bytesPerSample) {
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = audio.prefixScan(channelPrefix(callId, channel), KEYS)) {
            while (range.hasNext()) {
                KeyValue<String, byte[]> piece = range.next();
                if (seqOf(piece.key) + piece.value.length / bytesPerSample > before) {
                    break;
                }
                done.add(piece.key);
            }
        }
        done.forEach(audio::delete);
    }

    /** Deletes everything stored for a call's audio and early chunks. */
    void forget(String callId, int channels) {
        for (int channel = 0; channel < channels; channel++) {
            release(callId, channel, Long.MAX_VALUE, 1);
        }
        earlyChunks(callId).forEach(chunk -> early.delete(chunk.key));
        calls.delete(callId);
    }

    Optional<CallState> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }
}
