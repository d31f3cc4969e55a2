package dev.callscribe.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The segmenter's state stays bounded: per call, however long the call, and in all, however many calls are open at
 * once. The figures measured are printed, for the operations guide.
 */
class SegmenterStateBoundsTest {

    private static final String SCOPE = "segmenter-state-bounds-test";
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    /** 14 s of two channels taking turns; repeated, a conversation of any length. */
    private static final float[] AGENT = ORACLE.synthesizeRecording(List.of(Placement.of(1, "hello"),
            Placement.of(2, "world"), Placement.of(9, "thanks")), 14, 0);
    private static final float[] CUSTOMER = ORACLE.synthesizeRecording(List.of(Placement.of(5, "refund")), 14, 0);
    private static final int PCM16_BYTES_PER_SECOND = 32_000;

    private SegmenterAndStitcher pipeline;

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void shouldKeepACallsStateBoundedHoweverLongTheCallRuns() {
        // Given a two-channel call of 7 min, 14 times longer than any per-call bound, in 1 s chunks
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of());
        int repeats = 30;
        List<AudioChunk> chunks = Chunks.pcm16("call-long", new float[][] {repeat(AGENT, repeats),
                repeat(CUSTOMER, repeats)}, 1_000, true);

        // When it is taken in, the stored audio and call state are measured after every chunk
        long maxAudioBytes = 0;
        long maxCallBytes = 0;
        for (AudioChunk chunk : chunks.subList(0, chunks.size() - 1)) {
            pipeline.send(chunk);
            Map<String, long[]> sizes = pipeline.storeSizes();
            maxAudioBytes = Math.max(maxAudioBytes, sizes.get(SegmenterStores.AUDIO)[1]);
            maxCallBytes = Math.max(maxCallBytes, sizes.get(SegmenterStores.CALLS)[1]);
        }
        pipeline.send(chunks.get(chunks.size() - 1));
        System.out.printf(Locale.ROOT, "A %d s two-channel call: at most %d bytes of audio stored (%.1f s of "
                + "channel audio) and %d bytes of call state%n", chunks.size(), maxAudioBytes,
                maxAudioBytes / (double) PCM16_BYTES_PER_SECOND, maxCallBytes);

        // Then both stay under what the longest window (30 s) and its overlap need per channel, and all is released
        assertThat(maxAudioBytes).isLessThanOrEqualTo(2L * (30 + 5 + 1) * PCM16_BYTES_PER_SECOND);
        assertThat(maxCallBytes).isLessThan(16 * 1024);
        assertThat(pipeline.combinedFinals("call-long")).hasSize(1);
        assertThat(pipeline.entries(SegmenterStores.AUDIO)).isZero();
        assertThat(pipeline.entries(SegmenterStores.CALLS)).isZero();
    }

    @Test
    void shouldKeepStateInProportionToTheCallsOpenWhenThousandsOpenAtOnce() {
        // Given 2,000 calls opened at once, each sending 2 s of speech in 1 s chunks and then nothing
        pipeline = new SegmenterAndStitcher(SCOPE, Map.of(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, "30000",
                SegmenterConfig.ENDED_CALL_RETENTION_MS_CONFIG, "60000"));
        int calls = 2_000;
        float[] speech = new float[32_000];
        System.arraycopy(AGENT, 16_000, speech, 0, speech.length);
        for (int call = 0; call < calls; call++) {
            pipeline.sendAll(Chunks.pcm16("call-" + call, new float[][] {speech}, 1_000, false));
        }

        // When they are all open, Then each holds at most its own 2 s of audio and a small state
        Map<String, long[]> open = pipeline.storeSizes();
        report("open", calls, open);
        assertThat(open.get(SegmenterStores.CALLS)[0]).isEqualTo(calls);
        assertThat(open.get(SegmenterStores.AUDIO)[1]).isLessThanOrEqualTo(calls * (2L * PCM16_BYTES_PER_SECOND
                + 64));
        assertThat(open.get(SegmenterStores.CALLS)[1]).isLessThan(calls * 4_096L);
        assertThat(open.get(SegmenterStores.EARLY)[0]).isZero();

        // When the inactivity timeout ends them all, Then only their ended marks are left
        pipeline.advance(Duration.ofSeconds(31));
        Map<String, long[]> ended = pipeline.storeSizes();
        report("ended", calls, ended);
        assertThat(ended.get(SegmenterStores.CALLS)[0]).isZero();
        assertThat(ended.get(SegmenterStores.AUDIO)[0]).isZero();
        assertThat(ended.get(SegmenterStores.ENDED)[0]).isEqualTo(calls);
        assertThat(pipeline.combinedFinals("call-1999")).hasSize(1);

        // When their retention passes, Then nothing is left
        pipeline.advance(Duration.ofSeconds(61));
        assertThat(pipeline.storeSizes().values()).allSatisfy(size -> assertThat(size[0]).isZero());
    }

    private static void report(String when, int calls, Map<String, long[]> sizes) {
        sizes.forEach((store, size) -> System.out.printf(Locale.ROOT, "%d calls %s: %s holds %d entries, %d bytes "
                + "(%.0f bytes a call)%n", calls, when, store, size[0], size[1], size[1] / (double) calls));
    }

    private static float[] repeat(float[] samples, int times) {
        float[] repeated = new float[samples.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(samples, 0, repeated, i * samples.length, samples.length);
        }
        return repeated;
    }
}
