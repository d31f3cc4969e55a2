package dev.callscribe.stitcher;

import dev.callscribe.avro.InferenceTimings;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.WindowTranscript;
import java.time.Instant;
import java.util.Collection;

/** Builds the LatencyMetric records: one per window when it is stitched, one per call at its combined FINAL. */
final class Metrics {

    /**
     * The end-to-end latency written when the capture time is unknown: a producer that sent a capturedAt of 0 (or
     * none), so that no latency is made up from 1970.
     */
    static final long UNKNOWN_LATENCY_MS = -1;

    private Metrics() {
    }

    /** From capture to {@code nowMs}, or {@link #UNKNOWN_LATENCY_MS} when {@code capturedAtMs} is 0 or less. */
    static long endToEndMs(long nowMs, long capturedAtMs) {
        return capturedAtMs > 0 ? Math.max(0, nowMs - capturedAtMs) : UNKNOWN_LATENCY_MS;
    }

    static LatencyMetric ofWindow(WindowTranscript window, long nowMs) {
        InferenceTimings timings = window.getTimings();
        double batchMs = timings.getFeatureMs() + timings.getEncoderMs() + timings.getDecoderMs();
        double shareMs = timings.getBatchSize() > 0 ? batchMs / timings.getBatchSize() : 0;
        long audioMs = window.getDurationMs();
        return LatencyMetric.newBuilder()
                .setCallId(window.getCallId())
                .setScope(MetricScope.WINDOW)
                .setChannel(window.getChannel())
                .setWindowIndex(window.getWindowIndex())
                .setAudioEndMs(window.getStartMs() + audioMs)
                .setAudioMs(audioMs)
                .setSpeechMs(window.getSpeechMs())
                .setBatchSize(timings.getBatchSize())
                .setQueueWaitMs(timings.getQueueWaitMs())
                .setFeatureMs(timings.getFeatureMs())
                .setEncoderMs(timings.getEncoderMs())
                .setDecoderMs(timings.getDecoderMs())
                .setDecodeSteps(timings.getDecodeSteps())
                .setEndToEndMs(endToEndMs(nowMs, window.getCapturedAt().toEpochMilli()))
                .setRealTimeFactor(audioMs > 0 ? shareMs / audioMs : 0)
                .setModelId(window.getDecoding().getModelId())
                .setEmittedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    /** The call's figures: audio is the longest channel times the channel count; model time is summed. */
    static LatencyMetric ofCall(String callId, Collection<ChannelTotals> channels, long nowMs) {
        long audioEnd = channels.stream().mapToLong(ChannelTotals::audioEndMs).max().orElse(0);
        long audioMs = audioEnd * channels.size();
        double modelMs = channels.stream().mapToDouble(ChannelTotals::modelMs).sum();
        long lastCapture = channels.stream().mapToLong(ChannelTotals::lastCapturedAtMs).max().orElse(0);
        return LatencyMetric.newBuilder()
                .setCallId(callId)
                .setScope(MetricScope.CALL)
                .setAudioEndMs(audioEnd)
                .setAudioMs(audioMs)
                .setSpeechMs(channels.stream().mapToLong(ChannelTotals::speechMs).sum())
                .setWindowCount((int) channels.stream().mapToLong(ChannelTotals::windows).sum())
                .setEndToEndMs(endToEndMs(nowMs, lastCapture))
                .setRealTimeFactor(audioMs > 0 ? modelMs / audioMs : 0)
                .setModelId(channels.stream().map(ChannelTotals::modelId).findFirst().orElse(""))
                .setEmittedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }
}
