package dev.callscribe.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The segmenter's hard rules, each on its own: the early-chunk cap, the release of audio, the end by inactivity. */
class SegmenterRulesTest {

    private static final String SCOPE = "segmenter-rules-test";
    private static final String CALL = "call-1";
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    /** Speech at 1-3 s, 6 s and 9-10 s; 14 s in all. */
    private static final float[] AGENT = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"),
            Placement.of(2, "world"), Placement.of(6, "refund"), Placement.of(9, "thanks")), 14, 0);

    private SegmenterAndStitcher pipeline;

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void shouldHoldEarlyChunksUpToTheCapThenCarryOnAtOnceWithoutWaitingForTheGapTimeout() {
        // Given a call whose chunk 1 never comes, with at most 3 early chunks held and a long gap timeout
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of(SegmenterConfig.MAX_EARLY_CHUNKS_CONFIG, "3",
                SegmenterConfig.GAP_TIMEOUT_MS_CONFIG, "600000"));
        List<AudioChunk> chunks = Chunks.pcm16(CALL, new float[][] {AGENT}, 500, true);
        pipeline.send(chunks.get(0));

        // When chunks 2 to 4 arrive, they wait, all held
        pipeline.sendAll(chunks.subList(2, 5));
        assertThat(pipeline.entries(SegmenterStores.EARLY)).isEqualTo(3);
        assertThat(pipeline.windows(CALL)).isEmpty();

        // When a fourth early chunk arrives, Then the call carries on from chunk 2 at once, and none is held
        pipeline.send(chunks.get(5));
        assertThat(pipeline.entries(SegmenterStores.EARLY)).isZero();
        assertThat(pipeline.<CallState>store(SegmenterStores.CALLS).get(CALL).nextSeq()).isEqualTo(6);
        // the missing half second at 0.5-1 s is recorded in the window that holds it
        pipeline.sendAll(chunks.subList(6, chunks.size()));
        assertThat(pipeline.windows(CALL)).filteredOn(window -> window.getGapMs() > 0)
                .singleElement().satisfies(window -> assertThat(window.getStartMs()).isLessThan(1_000));
        assertThat(pipeline.combinedFinals(CALL)).hasSize(1);
    }

    @Test
    void shouldEndACallAtTheCapWithItsFinalAndDeadLetterWhatComesAfter() {
        // Given calls capped at 10 s of audio
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of(SegmenterConfig.MAX_CALL_MS_CONFIG, "10000"));
        List<AudioChunk> chunks = Chunks.pcm16(CALL, new float[][] {AGENT}, 1000, true);
        List<AudioChunk> shorter = Chunks.pcm16("call-2", new float[][] {java.util.Arrays.copyOf(AGENT, 8 * 16_000)},
                1000, true);

        // When a 14 s call and an 8 s call are sent
        pipeline.sendAll(chunks);
        pipeline.sendAll(shorter);

        // Then the long call ends at 10 s, with its FINAL; its last 4 chunks are late, and the shorter call is whole
        assertThat(pipeline.windows(CALL)).filteredOn(AudioWindow::getLast).singleElement()
                .satisfies(last -> assertThat(last.getStartMs() + last.getDurationMs()).isLessThanOrEqualTo(10_000));
        assertThat(pipeline.combinedFinals(CALL)).hasSize(1);
        assertThat(pipeline.deadLetters()).hasSize(4).allSatisfy(letter ->
                assertThat(letter.getReason()).isEqualTo(dev.callscribe.avro.DeadLetterReason.LATE_CHUNK));
        assertThat(pipeline.combinedFinals("call-2")).hasSize(1);
        assertThat(pipeline.entries(SegmenterStores.AUDIO)).isZero();
    }

    @Test
    void shouldReleaseStoredAudioAsSoonAsItsWindowsAreCut() {
        // Given a call sent chunk by chunk, never ended
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of());
        List<AudioChunk> chunks = Chunks.pcm16(CALL, new float[][] {AGENT}, 500, false);

        // When each chunk is taken in, the stored pieces are counted
        List<Integer> stored = new ArrayList<>();
        for (AudioChunk chunk : chunks) {
            pipeline.send(chunk);
            stored.add(pieces());
        }

        // Then the store shrinks whenever a window is cut, and never holds the call's whole audio
        assertThat(pipeline.windows(CALL)).isNotEmpty();
        List<Integer> drops = new ArrayList<>();
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i) < stored.get(i - 1)) {
                drops.add(i);
            }
        }
        assertThat(drops).as("chunks after which the store shrank, of %s", stored).isNotEmpty();
        assertThat(stored.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("pieces held at most, of %d chunks sent", chunks.size()).isLessThan(chunks.size());
    }

    @Test
    void shouldEndACallThatStopsSendingByInactivityWithItsLastWindowsAndItsFinal() {
        // Given a call that never sends its last chunk
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, "5000"));
        pipeline.sendAll(Chunks.pcm16(CALL, new float[][] {AGENT}, 500, false));
        assertThat(pipeline.windows(CALL)).noneMatch(AudioWindow::getLast);

        // When 4 s pass, nothing ends; when 6 s have passed, it ends
        pipeline.advance(Duration.ofSeconds(4));
        assertThat(pipeline.combinedFinals(CALL)).isEmpty();
        pipeline.advance(Duration.ofSeconds(2));

        // Then its last window went out, the stitcher's FINAL with it, and its state is gone
        assertThat(pipeline.windows(CALL)).filteredOn(AudioWindow::getLast).hasSize(1);
        assertThat(pipeline.combinedFinals(CALL)).singleElement()
                .satisfies(last -> assertThat(last.getText()).isNotBlank());
        assertThat(pipeline.entries(SegmenterStores.AUDIO)).isZero();
        assertThat(pipeline.entries(SegmenterStores.CALLS)).isZero();
        assertThat(pipeline.store(SegmenterStores.ENDED).get(CALL)).isNotNull();
    }

    private int pieces() {
        return (int) pipeline.storeSizes().get(SegmenterStores.AUDIO)[0];
    }
}
