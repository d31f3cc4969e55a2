package dev.callscribe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.engine.quality.FallbackPolicy;
import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.model.DecoderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants that make batching and the attention cache safe, on every fixture model: a window decodes to the
 * same tokens alone or in a batch, with the cache or recomputing every step, with the merged decoder or the split
 * pair. Random-weight models are included because they emit many varied tokens (checked here too), so agreement on
 * them is not agreement on an empty output.
 */
class WhisperEngineEquivalenceTest {

    private static final DecodingOptions GREEDY = DecodingOptions.defaults()
            .withLanguage("en").withMaxNewTokens(24).withTemperatures(List.of(0.0))
            .withFallback(new FallbackPolicy(Double.NaN, Double.NaN, Double.NaN));

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(EngineFixtures.ORACLE, DecoderLayout.MERGED),
                Arguments.of(EngineFixtures.ORACLE, DecoderLayout.SPLIT),
                Arguments.of(EngineFixtures.TINY_RANDOM_EN, DecoderLayout.MERGED),
                Arguments.of(EngineFixtures.TINY_RANDOM_EN, DecoderLayout.SPLIT),
                Arguments.of(EngineFixtures.TINY_RANDOM_MULTILINGUAL, DecoderLayout.MERGED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void shouldDecodeEachWindowTheSameAloneAsInABatch(String fixture, DecoderLayout layout) throws Exception {
        List<float[]> windows = windows();
        try (WhisperEngine engine = EngineFixtures.engine(fixture, layout, EngineOptions.defaults())) {
            List<WindowResult> batched = engine.transcribe(windows, GREEDY);

            for (int row = 0; row < windows.size(); row++) {
                WindowResult alone = engine.transcribe(List.of(windows.get(row)), GREEDY).get(0);
                assertThat(batched.get(row).tokenIds()).as("row %d", row).isEqualTo(alone.tokenIds());
            }
            // the voiced windows yield real output on every fixture, so agreeing is not agreeing on nothing
            assertThat(batched.subList(0, 2))
                    .allSatisfy(result -> assertThat(result.tokens()).hasSizeGreaterThanOrEqualTo(4));
            assertThat(batched.get(0).tokenIds()).isNotEqualTo(batched.get(1).tokenIds());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void shouldDecodeTheSameWithTheCacheAsRecomputingEveryStep(String fixture, DecoderLayout layout)
            throws Exception {
        List<float[]> windows = windows();
        try (WhisperEngine cached = EngineFixtures.engine(fixture, layout, EngineOptions.defaults());
             WhisperEngine recomputing = EngineFixtures.engine(fixture, layout,
                     EngineOptions.defaults().withKvCache(false))) {
            List<WindowResult> withCache = cached.transcribe(windows, GREEDY);
            List<WindowResult> withoutCache = recomputing.transcribe(windows, GREEDY);

            for (int row = 0; row < windows.size(); row++) {
                assertThat(withCache.get(row).tokenIds()).as("row %d", row)
                        .isEqualTo(withoutCache.get(row).tokenIds());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldDecodeTheSameWithEitherDecoderLayout(String fixture, DecoderLayout layout) throws Exception {
        if (fixture.equals(EngineFixtures.TINY_RANDOM_MULTILINGUAL) || layout == DecoderLayout.SPLIT) {
            return; // one comparison per fixture that ships both layouts
        }
        List<float[]> windows = windows();
        try (WhisperEngine merged = EngineFixtures.engine(fixture, DecoderLayout.MERGED, EngineOptions.defaults());
             WhisperEngine split = EngineFixtures.engine(fixture, DecoderLayout.SPLIT, EngineOptions.defaults())) {
            List<WindowResult> fromMerged = merged.transcribe(windows, GREEDY);
            List<WindowResult> fromSplit = split.transcribe(windows, GREEDY);

            for (int row = 0; row < windows.size(); row++) {
                assertThat(fromMerged.get(row).tokenIds()).isEqualTo(fromSplit.get(row).tokenIds());
            }
        }
    }

    /** Three different windows: oracle tones (random models hear them as varied input too) and noise. */
    private static List<float[]> windows() {
        OracleAudio oracle = OracleAudio.fromResources();
        List<float[]> windows = new ArrayList<>();
        windows.add(oracle.synthesize(List.of(Placement.of(0, "hello"), Placement.of(1, "world"),
                Placement.of(2, "account"), Placement.of(3, "order"))));
        windows.add(oracle.synthesize(List.of(Placement.of(0, "refund"), Placement.of(1, "thanks"),
                Placement.of(2, "number"), Placement.of(4, "agent"), Placement.of(5, "please"))));
        float[] noise = new float[16_000 * 7];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.1);
        }
        windows.add(noise);
        return windows;
    }
}
