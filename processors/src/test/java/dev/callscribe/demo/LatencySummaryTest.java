package dev.callscribe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldSummarizeTheWindowsOfTheCallAndItsCallMetric() {
        List<LatencyMetric> metrics = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            metrics.add(window("call-1", i * 100L, i % 4 + 1, 10.0 * i));
        }
        metrics.add(window("other-call", 99_999, 32, 1.0));
        metrics.add(call("call-1", 60_000, 15_000, 0.25));

        LatencySummary summary = LatencySummary.of("call-1", metrics);

        assertThat(summary.windows()).isEqualTo(20);
        assertThat(summary.endToEnd()).isEqualTo(new LatencySummary.Spread(1_000, 1_900, 2_000));
        assertThat(summary.batchSize().max()).isEqualTo(4);
        assertThat(summary.modelMs().median()).isEqualTo(100 + 3 * 10.0 * 10);
        assertThat(summary.speechShare()).isCloseTo(0.25, within(1e-9));
        assertThat(summary.realTimeFactor()).isEqualTo(0.25);
        assertThat(summary.lines()).hasSize(7).first().asString().contains("call-1", "20 windows");
        assertThat(summary.lines().get(1)).contains("median 1000ms", "p95 1900ms", "max 2000ms");
    }

    @Test
    void shouldLeaveWindowsThatSkippedTheModelOutOfTheBatchFigures() {
        // Given two transcribed windows and a channel's closing window, which carries no audio and no batch
        List<LatencyMetric> metrics = List.of(window("call-3", 400, 2, 10.0), window("call-3", 600, 2, 10.0),
                window("call-3", 900, 0, 0.0), call("call-3", 10_000, 5_000, 0.1));

        // When
        LatencySummary summary = LatencySummary.of("call-3", metrics);

        // Then it counts for end to end only
        assertThat(summary.windows()).isEqualTo(3);
        assertThat(summary.endToEnd().max()).isEqualTo(900);
        assertThat(summary.batchSize()).isEqualTo(new LatencySummary.Spread(2, 2, 2));
        assertThat(summary.modelMs().median()).isEqualTo(100 + 3 * 10.0);
    }

    @Test
    void shouldLeaveWindowsWithoutACaptureTimeOutOfTheEndToEndFigures() {
        // Given a window whose audio had no capture time: the stitcher writes -1
        List<LatencyMetric> metrics = List.of(window("call-4", 400, 1, 10.0), window("call-4", -1, 1, 10.0),
                call("call-4", 10_000, 5_000, 0.1));

        LatencySummary summary = LatencySummary.of("call-4", metrics);

        assertThat(summary.windows()).isEqualTo(2);
        assertThat(summary.endToEnd()).isEqualTo(new LatencySummary.Spread(400, 400, 400));
    }

    @Test
    void shouldRefuseACallWithoutItsCallMetric() {
        assertThatThrownBy(() -> LatencySummary.of("call-2", List.of(window("call-2", 10, 1, 1))))
                .hasMessageContaining("no CALL metric for call call-2");
    }

    private static LatencyMetric window(String callId, long endToEndMs, int batchSize, double stageMs) {
        return base(callId, MetricScope.WINDOW).setEndToEndMs(endToEndMs).setBatchSize(batchSize)
                .setQueueWaitMs(5L).setFeatureMs(100.0).setEncoderMs(stageMs).setDecoderMs(2 * stageMs)
                .setChannel(0).setWindowIndex(0L).setAudioMs(1_000).setSpeechMs(1_000).build();
    }

    private static LatencyMetric call(String callId, long audioMs, long speechMs, double realTimeFactor) {
        return base(callId, MetricScope.CALL).setAudioMs(audioMs).setSpeechMs(speechMs).setEndToEndMs(3_000)
                .setRealTimeFactor(realTimeFactor).setWindowCount(20).build();
    }

    private static LatencyMetric.Builder base(String callId, MetricScope scope) {
        return LatencyMetric.newBuilder().setCallId(callId).setScope(scope).setAudioEndMs(0).setAudioMs(0)
                .setSpeechMs(0).setEndToEndMs(0).setRealTimeFactor(0.1).setModelId("m")
                .setEmittedAt(Instant.EPOCH);
    }
}
