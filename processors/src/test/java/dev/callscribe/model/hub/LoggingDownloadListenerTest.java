package dev.callscribe.model.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoggingDownloadListenerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MB = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final LoggingDownloadListener listener =
        new LoggingDownloadListener(Duration.ofSeconds(5), clock::get, lines::add);
    private final DownloadProgress start = new DownloadProgress("org/model", "onnx/encoder.onnx", 0, 100 * MB, 0);

    @Test
    void shouldAnnounceEachFileWithItsSize() {
        // When
        listener.onStart(start);

        // Then
        assertThat(lines).containsExactly("Downloading org/model: onnx/encoder.onnx (100.0 MB)");
    }

    @Test
    void shouldSayWhereAResumedDownloadPicksUp() {
        // When
        listener.onStart(new DownloadProgress("org/model", "onnx/encoder.onnx", 40 * MB, 100 * MB, 40 * MB));

        // Then
        assertThat(lines).containsExactly("Downloading org/model: onnx/encoder.onnx (100.0 MB, resuming after 40.0 MB)");
    }

    @Test
    void shouldWriteAtMostOneProgressLinePerInterval() {
        // Given
        listener.onStart(start);

        // When: a block every 10 ms for 12 s
        for (int block = 1; block <= 1200; block++) {
            clock.set(block * SECOND / 100);
            listener.onProgress(start.at(block * 80_000L));
        }

        // Then: the start line and a progress line at 5 s and at 10 s
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("onnx/encoder.onnx: 40% (40.0 MB of 100.0 MB) at 8.0 MB/s");
    }

    @Test
    void shouldWriteAProgressLineOnATerminalOnlyAfterTenPercentAndTwoSeconds() {
        // Given the terminal's pacing
        LoggingDownloadListener terminal = new LoggingDownloadListener(
            LoggingDownloadListener.TERMINAL_INTERVAL, LoggingDownloadListener.TERMINAL_PERCENT_STEP, clock::get,
            lines::add);
        terminal.onStart(start);

        // When: a block every 10 ms for 100 s, 1 MB a second
        for (int block = 1; block <= 10_000; block++) {
            clock.set(block * SECOND / 100);
            terminal.onProgress(start.at(block * 10_000L));
        }

        // Then: the start line and one line per 10% (each 10 s), none for the last block
        assertThat(lines).hasSize(10);
        assertThat(lines.get(1)).isEqualTo("onnx/encoder.onnx: 10% (10.0 MB of 100.0 MB) at 1.0 MB/s");
        assertThat(lines).last().asString().startsWith("onnx/encoder.onnx: 90%");
    }

    @Test
    void shouldWriteNoProgressLineOnATerminalForAFileThatArrivesQuickly() {
        // Given
        LoggingDownloadListener terminal = new LoggingDownloadListener(
            LoggingDownloadListener.TERMINAL_INTERVAL, LoggingDownloadListener.TERMINAL_PERCENT_STEP, clock::get,
            lines::add);
        terminal.onStart(start);

        // When: the whole file in one second
        for (int block = 1; block <= 100; block++) {
            clock.set(block * SECOND / 100);
            terminal.onProgress(start.at(block * MB));
        }
        terminal.onComplete(start.at(100 * MB));

        // Then
        assertThat(lines).containsExactly("Downloading org/model: onnx/encoder.onnx (100.0 MB)",
            "Downloaded org/model: onnx/encoder.onnx (100.0 MB) in 1.0 s at 100.0 MB/s");
    }

    @Test
    void shouldGiveTheTimeAndSpeedOfACompleteDownload() {
        // Given
        listener.onStart(start);
        clock.set(20 * SECOND);

        // When
        listener.onComplete(start.at(100 * MB));

        // Then
        assertThat(lines).last().isEqualTo("Downloaded org/model: onnx/encoder.onnx (100.0 MB) in 20.0 s at 5.0 MB/s");
    }
}
