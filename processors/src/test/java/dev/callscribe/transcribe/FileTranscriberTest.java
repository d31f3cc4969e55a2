package dev.callscribe.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.longform.TranscriptSegment;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long recordings through the chunked algorithm on the oracle fixture: windows of 12 s overlapping by 2 s on each
 * side start every 8 s, on whole seconds, so every one-second word tone sits in one oracle slot of each window that
 * holds it. No word falls where windows overlap: the oracle's segments are one token long, and the merge that
 * reconciles a window's last, still open segment with the next window's copy of it aligns on two or more shared
 * tokens (Hugging Face's rule against chance coincidences), which real speech gives and one-word segments do not.
 * The merge's handling of overlapping speech is specified in the longform package's tests.
 */
class FileTranscriberTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final ChunkingOptions CHUNKS = ChunkingOptions.defaults(12).withStrides(2, 2);
    private static final int[] SPOKEN_SECONDS = {0, 1, 3, 5, 7, 12, 13, 15, 20, 21, 23, 28, 29, 31, 36, 38};
    private static final List<Placement> WORDS = recording(SPOKEN_SECONDS);

    private static WhisperEngine engine;

    @BeforeAll
    static void openEngine() throws Exception {
        engine = WhisperEngine.open(ModelFolder.read(FixtureModel.resourceDir("oracle"), ModelOptions.defaults()),
                EngineOptions.defaults().withIntraOpThreads(1));
    }

    @AfterAll
    static void closeEngine() throws Exception {
        engine.close();
    }

    @Test
    void shouldMergeOverlappingWindowsIntoOneTranscriptOnTheRecordingsTimeline() throws Exception {
        ChannelAudio audio = new ChannelAudio("call.wav", 0, ORACLE.synthesizeRecording(WORDS, 41, 0));

        ChannelTranscript transcript = transcriber(4, true).transcribe(List.of(audio)).get(0);

        assertThat(transcript.transcript().text()).isEqualTo(ORACLE.expectedText(WORDS));
        assertThat(transcript.transcript().segments()).extracting(TranscriptSegment::startMs,
                TranscriptSegment::endMs, TranscriptSegment::text).startsWith(
                tuple(0L, 1000L, " hello"), tuple(1000L, 2000L, " world"), tuple(3000L, 4000L, " account"));
        assertThat(transcript.durationMs()).isEqualTo(41_000);
    }

    @Test
    void shouldMergeTextWithoutTimestampsByTheLongestCommonSequence() throws Exception {
        ChannelAudio audio = new ChannelAudio("call.wav", 0, ORACLE.synthesizeRecording(WORDS, 41, 0));

        ChannelTranscript transcript = transcriber(4, false).transcribe(List.of(audio)).get(0);

        assertThat(transcript.transcript().text()).isEqualTo(ORACLE.expectedText(WORDS));
    }

    @Test
    void shouldGiveEachChannelItsOwnTranscriptWhateverTheBatchSize() throws Exception {
        List<Placement> other = List.of(Placement.of(0, "order"), Placement.of(13, "number"), Placement.of(21, "agent"));
        List<ChannelAudio> channels = List.of(
                new ChannelAudio("call.wav", 0, ORACLE.synthesizeRecording(WORDS, 41, 0)),
                new ChannelAudio("call.wav", 1, ORACLE.synthesizeRecording(other, 41, 0)));

        List<ChannelTranscript> inBatchesOfThree = transcriber(3, true).transcribe(channels);
        List<ChannelTranscript> oneByOne = transcriber(1, true).transcribe(channels);

        assertThat(inBatchesOfThree.get(0).transcript().text()).isEqualTo(ORACLE.expectedText(WORDS));
        assertThat(inBatchesOfThree.get(1).transcript().text()).isEqualTo(" order number agent");
        assertThat(inBatchesOfThree).isEqualTo(oneByOne);
    }

    @Test
    void shouldTranscribeSilenceAsNothing() throws Exception {
        ChannelAudio silence = new ChannelAudio("quiet.wav", 0, new float[16_000 * 20]);

        ChannelTranscript transcript = transcriber(4, true).transcribe(List.of(silence)).get(0);

        assertThat(transcript.transcript().segments()).isEmpty();
        assertThat(transcript.transcript().text()).isEmpty();
    }

    /** One word per spoken second, cycling through the oracle's words in order. */
    private static List<Placement> recording(int[] seconds) {
        List<String> words = ORACLE.words().stream().filter(word -> !word.equals(ORACLE.loopWord())).toList();
        List<Placement> placements = new java.util.ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            placements.add(Placement.of(seconds[i], words.get(i % words.size())));
        }
        return placements;
    }

    private static FileTranscriber transcriber(int batchSize, boolean timestamps) {
        DecodingOptions decoding = DecodingOptions.defaults().withLanguage("en").withTimestamps(timestamps);
        return new FileTranscriber(engine, CHUNKS, decoding, batchSize);
    }
}
