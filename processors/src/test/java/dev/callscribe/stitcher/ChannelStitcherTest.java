package dev.callscribe.stitcher;

import static dev.callscribe.stitcher.WindowTranscripts.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.avro.WindowTranscript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel stitcher alone: state in, state and records out, no Kafka. */
class ChannelStitcherTest {

    private static final String CALL = "call-1";
    private static final long NOW = Instant.parse("2026-11-26T12:01:00Z").toEpochMilli();

    @Test
    void shouldPublishTheFirstWindowAsRevisionZeroAndWaitForTheNextIndex() {
        ChannelStitcher.Outcome outcome = ChannelStitcher.stitch(ChannelProgress.start(),
                window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"), NOW);

        assertThat(outcome.transcript().getKind()).isEqualTo(TranscriptKind.INTERIM);
        assertThat(outcome.transcript().getRevision()).isZero();
        assertThat(outcome.transcript().getText()).isEqualTo(" hello");
        assertThat(outcome.progress().nextIndex()).isEqualTo(1);
        assertThat(outcome.progress().revision()).isEqualTo(1);
        assertThat(outcome.progress().finished()).isFalse();
    }

    @Test
    void shouldFinishTheChannelOnItsLastWindowWithOneFinalOfEveryWindowInOrder() {
        ChannelProgress progress = ChannelProgress.start();
        List<WindowTranscript> windows = List.of(
                window(CALL, 1, 0, 0, 10_000, false, "@0.0", "hello", "@1.0"),
                window(CALL, 1, 1, 10_000, 10_000, false, "@2.0", "account", "@3.0"),
                window(CALL, 1, 2, 20_000, 5_000, true, "@0.0", "thanks", "@1.0"));
        Transcript last = null;
        for (WindowTranscript window : windows) {
            ChannelStitcher.Outcome outcome = ChannelStitcher.stitch(progress, window, NOW);
            progress = outcome.progress();
            last = outcome.transcript();
        }

        assertThat(progress.finished()).isTrue();
        assertThat(last.getKind()).isEqualTo(TranscriptKind.FINAL);
        assertThat(last.getRevision()).isEqualTo(2);
        assertThat(last.getSpeaker()).isEqualTo("customer");
        assertThat(last.getSegments()).extracting(TranscriptSegment::getStartMs, TranscriptSegment::getText)
                .containsExactly(tuple(0L, " hello"), tuple(12_000L, " account"), tuple(20_000L, " thanks"));
        assertThat(progress.totals().windows()).isEqualTo(3);
        assertThat(progress.totals().audioEndMs()).isEqualTo(25_000);
    }

    @Test
    void shouldMeasureEachWindowFromItsCaptureTimeOrSayItIsUnknown() {
        WindowTranscript captured = window(CALL, 0, 0, 0, 10_000, false, "@0.0", "hello", "@1.0");
        WindowTranscript uncaptured = WindowTranscript.newBuilder(captured).setCapturedAt(Instant.EPOCH).build();

        LatencyMetric known = ChannelStitcher.stitch(ChannelProgress.start(), captured, NOW).metric();
        LatencyMetric unknown = ChannelStitcher.stitch(ChannelProgress.start(), uncaptured, NOW).metric();

        // captured at 12:00:10, stitched at 12:01:00
        assertThat(known.getEndToEndMs()).isEqualTo(50_000);
        assertThat(unknown.getEndToEndMs()).isEqualTo(Metrics.UNKNOWN_LATENCY_MS);
    }
}
