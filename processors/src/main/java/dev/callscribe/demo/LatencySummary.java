package dev.callscribe.demo;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What the pipeline's LatencyMetrics say about one call, as the demo prints it after the call's final transcript:
 * how soon transcripts followed the audio, where the time went, and whether the worker kept up with real time.
 *
 * @param callId        the call
 * @param windows       windows transcribed
 * @param endToEnd      milliseconds from capturing a window's newest audio to publishing its transcript
 * @param queueWait     milliseconds a window waited for its batch (windows that reached the model)
 * @param batchSize     windows per batch (likewise)
 * @param modelMs       feature, encoder and decoder milliseconds of a window's batch (likewise)
 * @param speechShare   the share of the call's audio that was speech (the rest never reached the model)
 * @param realTimeFactor model time over audio time for the whole call (below 1 keeps up)
 */
public record LatencySummary(String callId, int windows, Spread endToEnd, Spread queueWait, Spread batchSize,
                             Spread modelMs, double speechShare, double realTimeFactor) {

    /** The median, 95th percentile and maximum of some values (nearest rank); zeros when there are none. */
    public record Spread(double median, double p95, double max) {

        static Spread of(List<Double> values) {
            if (values.isEmpty()) {
                return new Spread(0, 0, 0);
            }
            List<Double> sorted = values.stream().sorted().toList();
            return new Spread(rank(sorted, 0.5), rank(sorted, 0.95), sorted.get(sorted.size() - 1));
        }

        private static double rank(List<Double> sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    /**
     * Summarizes the metrics of one call: its WINDOW metrics and its CALL metric.
     *
     * @throws IllegalArgumentException if {@code metrics} holds no CALL metric for the call
     */
    public static LatencySummary of(String callId, List<LatencyMetric> metrics) {
        List<LatencyMetric> windows = new ArrayList<>();
        LatencyMetric call = null;
        for (LatencyMetric metric : metrics) {
            if (!metric.getCallId().equals(callId)) {
                continue;
            }
            if (metric.getScope() == MetricScope.CALL) {
                call = metric;
            } else {
                windows.add(metric);
            }
        }
        if (call == null) {
            throw new IllegalArgumentException("no CALL metric for call " + callId);
        }
        // Windows that end a channel without audio skip the model (batch size 0): they count for end to end, not
        // for the batch figures.
        List<LatencyMetric> modelled = windows.stream().filter(metric -> orZero(metric.getBatchSize()) > 0).toList();
        return new LatencySummary(callId, windows.size(),
                // A window whose audio has no capture time says -1: it has no end-to-end figure to count.
                spread(windows.stream().filter(metric -> metric.getEndToEndMs() >= 0).toList(),
                        metric -> metric.getEndToEndMs()),
                spread(modelled, metric -> orZero(metric.getQueueWaitMs())),
                spread(modelled, metric -> orZero(metric.getBatchSize())),
                spread(modelled, LatencySummary::modelMs),
                call.getAudioMs() == 0 ? 0 : call.getSpeechMs() / (double) call.getAudioMs(),
                call.getRealTimeFactor());
    }

    /** The summary as a few aligned lines for a terminal. */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "Latency for call %s (%d windows)", callId, windows),
                row("end to end, audio to transcript", endToEnd, "ms"),
                row("waiting for a batch", queueWait, "ms"),
                row("model time per batch", modelMs, "ms"),
                row("windows per batch", batchSize, ""),
                String.format(Locale.ROOT, "  %-32s %.0f%% of the audio (the rest never reached the model)",
                        "speech", 100 * speechShare),
                String.format(Locale.ROOT, "  %-32s %.3f (below 1 keeps up with live calls)", "real-time factor",
                        realTimeFactor));
    }

    private static String row(String label, Spread spread, String unit) {
        return String.format(Locale.ROOT, "  %-32s median %.0f%s, p95 %.0f%s, max %.0f%s", label, spread.median(),
                unit, spread.p95(), unit, spread.max(), unit);
    }

    private static Spread spread(List<LatencyMetric> windows, ToDoubleFunction<LatencyMetric> value) {
        return Spread.of(windows.stream().map(value::applyAsDouble).toList());
    }

    private static double modelMs(LatencyMetric window) {
        return orZero(window.getFeatureMs()) + orZero(window.getEncoderMs()) + orZero(window.getDecoderMs());
    }

    private static double orZero(Number value) {
        return Objects.requireNonNullElse(value, 0).doubleValue();
    }
}
