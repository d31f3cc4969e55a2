package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.vad.SpeechDetector;
import dev.callscribe.vad.Sounds;
import dev.callscribe.vad.VadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The detector and the cutter together, as the segmenter chains them, on seeded synthetic calls. */
class DetectorToWindowsTest {

    static Stream<Arguments> calls() {
        return LongStream.rangeClosed(1, 6).boxed().flatMap(seed -> Stream.of(WindowMode.values())
                .map(mode -> Arguments.of(seed, mode, seed % 2 == 0 ? 8_000 : 16_000)));
    }

    @ParameterizedTest(name = "seed {0}, {1} at {2} Hz")
    @MethodSource("calls")
    void shouldPlanTheSameWindowsWhetherTheAudioArrivesInChunksOrWhole(long seed, WindowMode mode, int rate) {
        // Given a minute of turns (vowels) and pauses (silence or noise)
        float[] audio = call(seed, rate);
        WindowingOptions options = WindowingOptions.defaults().withMode(mode);

        // When it goes through detector and cutter whole, and in random chunks of 0 to 1.2 s
        List<WindowPlan> whole = plan(audio, rate, options, List.of(audio.length));
        List<WindowPlan> chunked = plan(audio, rate, options, randomChunkEnds(new Random(seed), audio.length, rate));

        // Then
        assertThat(chunked).isEqualTo(whole);
        assertThat(whole).filteredOn(plan -> !plan.speechless()).isNotEmpty();
    }

    private static List<WindowPlan> plan(float[] audio, int rate, WindowingOptions options, List<Integer> ends) {
        SpeechDetector detector = SpeechDetector.start(VadOptions.defaults(), rate);
        WindowCutter cutter = WindowCutter.start(options, rate);
        List<WindowPlan> plans = new ArrayList<>();
        int from = 0;
        for (int end : ends) {
            plans.addAll(cutter.accept(detector.accept(audio, from, end - from)));
            from = end;
        }
        plans.addAll(cutter.finish(detector.flush()));
        return plans;
    }

    private static List<Integer> randomChunkEnds(Random random, int total, int rate) {
        List<Integer> ends = new ArrayList<>();
        for (int end = 0; end < total;) {
            end = Math.min(total, end + random.nextInt(rate * 6 / 5));
            ends.add(end);
        }
        return ends;
    }

    private static float[] call(long seed, int rate) {
        Random random = new Random(seed);
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        while (total < 60 * rate) {
            int length = (int) (rate * (0.3 + 4 * random.nextDouble()));
            float[] turn = Sounds.vowel(rate, length, -18 - 10 * random.nextDouble());
            int pause = (int) (rate * 6 * random.nextDouble());
            float[] gap = random.nextBoolean() ? Sounds.silence(pause)
                    : Sounds.whiteNoise(random.nextLong(), pause, -40);
            parts.add(turn);
            parts.add(gap);
            total += turn.length + gap.length;
        }
        return Sounds.concat(parts.toArray(new float[0][]));
    }
}
