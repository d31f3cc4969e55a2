package dev.callscribe.segmenter;

import dev.callscribe.avro.WindowMode;
import dev.callscribe.schemas.Topics;
import dev.callscribe.vad.VadOptions;
import dev.callscribe.windowing.WindowingOptions;
import java.util.List;

/**
 * What the processor needs from the configuration, read once.
 *
 * @param audioTopic the input topic's name, for deserializing and dead letters
 * @param vad voice activity detection options
 * @param windowing window cutting options
 * @param validator chunk checks
 * @param defaultSpeakers labels of channels 0, 1, ... when chunks give none
 * @param gapTimeoutMs how long an early chunk waits for a missing one
 * @param maxEarlyChunks early chunks held per call
 * @param inactivityTimeoutMs wall-clock silence that ends a call
 * @param maxGapMs the longest gap filled with silence
 * @param maxCallMs the longest call, in audio taken in
 * @param endedCallRetentionMs how long an ended call is remembered
 */
record SegmenterSettings(String audioTopic, VadOptions vad, WindowingOptions windowing, ChunkValidator validator,
                         List<String> defaultSpeakers, long gapTimeoutMs, int maxEarlyChunks,
                         long inactivityTimeoutMs, long maxGapMs, long maxCallMs, long endedCallRetentionMs) {

    static SegmenterSettings from(SegmenterConfig config) {
        return new SegmenterSettings(config.topic(Topics.AUDIO).name(), config.vadOptions(),
                config.windowingOptions(),
                new ChunkValidator(config.getInt(SegmenterConfig.MAX_CHANNELS_CONFIG),
                        config.getLong(SegmenterConfig.MAX_CHUNK_MS_CONFIG)),
                config.getList(SegmenterConfig.DEFAULT_SPEAKERS_CONFIG),
                config.getLong(SegmenterConfig.GAP_TIMEOUT_MS_CONFIG),
                config.getInt(SegmenterConfig.MAX_EARLY_CHUNKS_CONFIG),
                config.getLong(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG),
                config.getLong(SegmenterConfig.MAX_GAP_MS_CONFIG),
                config.getLong(SegmenterConfig.MAX_CALL_MS_CONFIG),
                config.getLong(SegmenterConfig.ENDED_CALL_RETENTION_MS_CONFIG));
    }

    /** The window mode as the Avro contract spells it. */
    WindowMode avroMode() {
        return WindowMode.valueOf(windowing.mode().name());
    }

    /** How often the wall-clock checks run: often enough for the gap timeout, at most once a second. */
    long punctuationIntervalMs() {
        return Math.max(50, Math.min(1_000, Math.min(gapTimeoutMs, inactivityTimeoutMs) / 2));
    }

    /** Speaker label of a channel: the chunk's, else the configured default, else channel-N. */
    String speaker(List<String> fromChunk, int channel) {
        if (fromChunk != null && channel < fromChunk.size() && !fromChunk.get(channel).isBlank()) {
            return fromChunk.get(channel);
        }
        return channel < defaultSpeakers.size() ? defaultSpeakers.get(channel) : "channel-" + channel;
    }
}
