package dev.callscribe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.engine.result.Segment;
import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.model.DecoderLayout;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end on the oracle fixture, whose transcript follows from the audio: each voiced one-second slot
 * carries a tone whose pitch names a word.
 */
class WhisperEngineOracleTest {

    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final List<Placement> HELLO_WORLD = List.of(Placement.of(2, "hello"), Placement.of(3, "world"));
    private static final DecodingOptions TEXT_ONLY = DecodingOptions.defaults().withLanguage("en")
            .withTimestamps(false);
    private static final DecodingOptions WITH_TIMESTAMPS = DecodingOptions.defaults().withLanguage("en");

    private static WhisperEngine engine;

    @BeforeAll
    static void openEngine() {
        engine = EngineFixtures.engine(EngineFixtures.ORACLE, DecoderLayout.MERGED, EngineOptions.defaults());
    }

    @AfterAll
    static void closeEngine() throws Exception {
        engine.close();
    }

    @Test
    void shouldTranscribeTheWordsTheTonesSpell() throws Exception {
        List<Placement> words = List.of(Placement.of(0, "account"), Placement.of(4, "payment"),
                Placement.of(5, "refund"), Placement.of(11, "thanks"));

        WindowResult result = engine.transcribe(List.of(ORACLE.synthesize(words)), TEXT_ONLY).get(0);

        assertThat(result.text()).isEqualTo(ORACLE.expectedText(words)).isEqualTo(" account payment refund thanks");
        assertThat(result.tokenIds()).containsExactlyElementsOf(withoutEndOfText(ORACLE.expectedTokens(words, false)));
        assertThat(result.silence()).isFalse();
        assertThat(result.temperature()).isZero();
        assertThat(result.signals().avgLogProb()).isGreaterThan(-0.5);
        assertThat(result.signals().noSpeechProb()).isLessThan(0.1);
    }

    @Test
    void shouldPlaceSegmentsAtTheSlotsTheWordsWereSpokenIn() throws Exception {
        WindowResult result = engine.transcribe(List.of(ORACLE.synthesize(HELLO_WORLD)), WITH_TIMESTAMPS).get(0);

        assertThat(result.tokenIds())
                .containsExactlyElementsOf(withoutEndOfText(ORACLE.expectedTokens(HELLO_WORLD, true)));
        assertThat(result.segments())
                .extracting(Segment::startSeconds, Segment::endSeconds, Segment::text)
                .containsExactly(tuple(1.0, 3.0, " hello"), tuple(3.0, 4.0, " world"));
    }

    @Test
    void shouldCallASilentWindowSilenceAndDropItsText() throws Exception {
        WindowResult result = engine.transcribe(List.of(new float[16_000 * 10]), WITH_TIMESTAMPS).get(0);

        assertThat(result.silence()).isTrue();
        assertThat(result.text()).isEmpty();
        assertThat(result.segments()).isEmpty();
        assertThat(result.signals().noSpeechProb()).isGreaterThan(0.9);
    }

    @Test
    void shouldDecodeEveryRowOfABatchAsItDecodesAlone() throws Exception {
        List<float[]> windows = List.of(
                ORACLE.synthesize(HELLO_WORLD),
                ORACLE.synthesize(List.of(Placement.of(7, "order"), Placement.of(8, "number"))),
                new float[16_000],
                ORACLE.synthesize(List.of(Placement.of(0, "please"), Placement.of(29, "agent"))));

        List<WindowResult> batched = engine.transcribe(windows, WITH_TIMESTAMPS);

        for (int row = 0; row < windows.size(); row++) {
            WindowResult alone = engine.transcribe(List.of(windows.get(row)), WITH_TIMESTAMPS).get(0);
            assertThat(batched.get(row).tokens()).as("row %d", row).isEqualTo(alone.tokens());
            assertThat(batched.get(row).segments()).as("row %d", row).isEqualTo(alone.segments());
            assertThat(batched.get(row).silence()).as("row %d", row).isEqualTo(alone.silence());
        }
        assertThat(batched.get(0).timings().batchSize()).isEqualTo(4);
    }

    @Test
    void shouldFallBackThroughEveryTemperatureWhenTheTextKeepsRepeating() throws Exception {
        DecodingOptions options = TEXT_ONLY.withMaxNewTokens(40);
        float[] loop = ORACLE.synthesize(List.of(Placement.of(1, ORACLE.loopWord())));

        WindowResult result = engine.transcribe(List.of(loop), options).get(0);

        assertThat(result.temperature()).isEqualTo(1.0);
        assertThat(result.signals().compressionRatio()).isGreaterThan(2.4);
        assertThat(result.decodeSteps()).isEqualTo(40 * options.temperatures().size());
    }

    @Test
    void shouldDetectTheLanguageWhenNoneIsGiven() throws Exception {
        WindowResult result = engine.transcribe(List.of(ORACLE.synthesize(HELLO_WORLD)),
                DecodingOptions.defaults().withTimestamps(false)).get(0);

        assertThat(result.language()).isEqualTo("en");
        assertThat(result.text()).isEqualTo(" hello world");
    }

    @Test
    void shouldDecodeTheSameWordsAfterAPreviousTextPrompt() throws Exception {
        DecodingOptions prompted = WITH_TIMESTAMPS.withInitialPrompt("Thanks for calling the billing line.");

        WindowResult result = engine.transcribe(List.of(ORACLE.synthesize(HELLO_WORLD)), prompted).get(0);

        assertThat(result.text()).isEqualTo(" hello world");
        assertThat(result.segments()).extracting(Segment::startSeconds).containsExactly(1.0, 3.0);
    }

    @Test
    void shouldRefuseAWindowLongerThanTheModelWindow() {
        float[] tooLong = new float[engine.maxWindowSamples() + 1];

        assertThatThrownBy(() -> engine.transcribe(List.of(tooLong), TEXT_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 480000");
    }

    @Test
    void shouldRefuseALanguageTheModelDoesNotKnow() {
        assertThatThrownBy(() -> engine.transcribe(List.of(new float[100]), TEXT_ONLY.withLanguage("xx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no language 'xx'");
    }

    static List<Integer> withoutEndOfText(long[] expected) {
        return Arrays.stream(expected, 0, expected.length - 1).mapToInt(id -> (int) id).boxed().toList();
    }
}
