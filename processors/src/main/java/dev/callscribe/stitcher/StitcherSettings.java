package dev.callscribe.stitcher;

import dev.callscribe.schemas.Topics;

/**
 * What the processor needs from the configuration.
 *
 * @param windowTranscriptsTopic the input topic's name, for deserializing and dead letters
 * @param gapTimeoutMs how long later windows wait for a missing one
 * @param finishedCallRetentionMs how long a finished call is remembered
 * @param punctuationIntervalMs how often the wall-clock checks run
 */
record StitcherSettings(String windowTranscriptsTopic, long gapTimeoutMs, long finishedCallRetentionMs,
                        long punctuationIntervalMs) {

    static StitcherSettings from(StitcherConfig config) {
        long gap = config.getLong(StitcherConfig.GAP_TIMEOUT_MS_CONFIG);
        return new StitcherSettings(config.topic(Topics.WINDOW_TRANSCRIPTS).name(), gap,
                config.getLong(StitcherConfig.FINISHED_CALL_RETENTION_MS_CONFIG),
                Math.max(100, Math.min(5_000, gap / 2)));
    }
}
