package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunked feeding, restarts and the promises of {@link SpeechUpdate}, on seeded random scenes. */
class SpeechDetectorStreamingTest {

    private static final VadOptions OPTIONS = VadOptions.defaults();

    static Stream<Arguments> scenes() {
        int[] rates = {8_000, 16_000, 44_100, 48_000};
        return Stream.iterate(1L, seed -> seed + 1).limit(12)
                .map(seed -> Arguments.of(seed, rates[(int) (seed % rates.length)]));
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("scenes")
    void shouldFindTheSameSpansWhetherFedInChunksOrWhole(long seed, int rate) {
        // Given a random scene of speech-like sounds, noise and silence
        float[] audio = randomScene(seed, rate);

        // When it is fed whole, and in random chunks (empty and one-sample chunks included)
        List<SpeechSpan> whole = SpeechDetectorTest.detectWhole(audio, rate);
        SpeechDetector detector = SpeechDetector.start(OPTIONS, rate);
        List<SpeechSpan> chunked = new ArrayList<>();
        for (int[] chunk : randomChunks(new Random(seed), audio.length)) {
            chunked.addAll(detector.accept(audio, chunk[0], chunk[1]).closedSpans());
        }
        chunked.addAll(detector.flush().closedSpans());

        // Then
        assertThat(whole).isNotEmpty();
        assertThat(chunked).isEqualTo(whole);
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("scenes")
    void shouldContinueFromAStoredStateExactlyAsWithoutTheRestart(long seed, int rate) {
        // Given a random scene
        float[] audio = randomScene(seed, rate);
        List<SpeechSpan> uninterrupted = SpeechDetectorTest.detectWhole(audio, rate);

        // When every chunk is fed to a detector resumed from the previous one's state, through its bytes
        VadState state = VadState.initial();
        List<SpeechSpan> restarted = new ArrayList<>();
        for (int[] chunk : randomChunks(new Random(seed + 100), audio.length)) {
            SpeechDetector detector = SpeechDetector.resume(OPTIONS, rate, state);
            restarted.addAll(detector.accept(audio, chunk[0], chunk[1]).closedSpans());
            state = VadState.fromBytes(detector.state().toBytes());
        }
        restarted.addAll(SpeechDetector.resume(OPTIONS, rate, state).flush().closedSpans());

        // Then
        assertThat(restarted).isEqualTo(uninterrupted);
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("scenes")
    void shouldNeverRevisitWhatItReportedAsSettledNorShrinkAnOpenSpan(long seed, int rate) {
        // Given the final spans of a random scene
        float[] audio = randomScene(seed, rate);
        List<SpeechSpan> spans = SpeechDetectorTest.detectWhole(audio, rate);

        // When it is fed in chunks
        SpeechDetector detector = SpeechDetector.start(OPTIONS, rate);
        List<SpeechSpan> reported = new ArrayList<>();
        long previousSettled = 0;
        for (int[] chunk : randomChunks(new Random(seed + 200), audio.length)) {
            SpeechUpdate update = detector.accept(audio, chunk[0], chunk[1]);
            reported.addAll(update.closedSpans());
            List<SpeechSpan> known = new ArrayList<>(reported);
            update.openSpan().ifPresent(known::add);

            // Then before the settled position, what it has reported is exactly the final speech
            assertThat(update.settledSample()).isGreaterThanOrEqualTo(previousSettled);
            assertThat(speechBefore(known, update.settledSample()))
                    .isEqualTo(speechBefore(spans, update.settledSample()));
            // and an open span lies inside a final span with the same start
            update.openSpan().ifPresent(open -> assertThat(spans).anySatisfy(span -> {
                assertThat(span.startSample()).isEqualTo(open.startSample());
                assertThat(span.endSample()).isGreaterThanOrEqualTo(open.endSample());
            }));
            previousSettled = update.settledSample();
        }
    }

    /** The spans cut at {@code position}. */
    private static List<SpeechSpan> speechBefore(List<SpeechSpan> spans, long position) {
        return spans.stream().filter(span -> span.startSample() < position)
                .map(span -> new SpeechSpan(span.startSample(), Math.min(span.endSample(), position))).toList();
    }

    /** Random chunks as {offset, length} covering {@code total} samples: mostly 0.1-1 s, some empty or tiny. */
    static List<int[]> randomChunks(Random random, int total) {
        List<int[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < total;) {
            int kind = random.nextInt(10);
            int length = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(300) : 800 + random.nextInt(40_000);
            length = Math.min(length, total - offset);
            chunks.add(new int[] {offset, length});
            offset += length;
        }
        return chunks;
    }

    /** About 20 s of vowels, tones, noise and silence in random order, lengths and levels. */
    static float[] randomScene(long seed, int rate) {
        Random random = new Random(seed);
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        while (total < 20 * rate) {
            int length = (int) (rate * (0.05 + random.nextDouble() * 2.5));
            double level = -15 - random.nextDouble() * 30;
            float[] part = switch (random.nextInt(6)) {
                case 0, 1 -> Sounds.vowel(rate, length, level);
                case 2 -> Sounds.tone(300 + random.nextInt(3000), rate, length, level);
                case 3 -> Sounds.whiteNoise(random.nextLong(), length, level);
                case 4 -> Sounds.pinkNoise(random.nextLong(), length, level);
                default -> Sounds.silence(length);
            };
            parts.add(part);
            total += length;
        }
        return Sounds.concat(parts.toArray(new float[0][]));
    }
}
