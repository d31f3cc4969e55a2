package dev.callscribe.stitcher;

import dev.callscribe.avro.InferenceTimings;
import dev.callscribe.avro.WindowTranscript;

/** Adds a window to a channel's running figures. */
final class Totals {

    private Totals() {
    }

    static ChannelTotals add(ChannelTotals totals, WindowTranscript window) {
        InferenceTimings timings = window.getTimings();
        double batchMs = timings.getFeatureMs() + timings.getEncoderMs() + timings.getDecoderMs();
        double shareMs = timings.getBatchSize() > 0 ? batchMs / timings.getBatchSize() : 0;
        boolean hasText = !window.getText().isEmpty();
        return new ChannelTotals(
                totals.windows() + 1,
                Math.max(totals.audioEndMs(), window.getStartMs() + window.getDurationMs()),
                totals.speechMs() + window.getSpeechMs(),
                totals.modelMs() + shareMs,
                Math.max(totals.lastCapturedAtMs(), window.getCapturedAt().toEpochMilli()),
                hasText && window.getLanguage() != null ? window.getLanguage() : totals.language(),
                window.getDecoding().getModelId(),
                window.getSpeaker());
    }
}
