package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.longform.AudioChunker;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.vad.SpeechSpan;
import dev.callscribe.vad.SpeechUpdate;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunked mode; the hand-written cases run at 1000 Hz, so a sample is a millisecond: 15 s windows 10 s apart. */
class ChunkWindowsTest {

    private static final WindowingOptions OPTIONS = WindowingOptions.defaults().withMode(WindowMode.CHUNKED);

    static Stream<Arguments> lengths() {
        return Stream.of(8_000, 16_000, 44_100).flatMap(rate -> Stream.of(1.0 / rate, 5.0, 15.0, 15.0 + 1.0 / rate,
                25.0, 30.0, 60.0, 61.37).map(seconds -> Arguments.of(rate, Math.round(seconds * rate))));
    }

    @ParameterizedTest(name = "{1} samples at {0} Hz")
    @MethodSource("lengths")
    void shouldCutTheSameWindowsAsAudioChunker(int rate, long total) {
        // Given speech from start to end, fed every 0.37 s
        List<SpeechSpan> spans = List.of(new SpeechSpan(0, total));

        // When
        List<WindowPlan> plans = cutEvery(rate * 37L / 100, spans, total, OPTIONS, rate);

        // Then the windows are AudioChunker's: same starts, lengths, strides and last flag
        assertThat(plans.stream().map(WindowPlan::toAudioWindow).toList())
                .isEqualTo(new AudioChunker(OPTIONS.chunking(), rate).windows(total));
    }

    @Test
    void shouldCutAudioChunkersWindowsFor25SecondChunksToo() {
        WindowingOptions distilLarge = OPTIONS.withChunking(ChunkingOptions.defaults(25));
        long total = 60L * 16_000 + 123;

        List<WindowPlan> plans = cutEvery(8_000, List.of(new SpeechSpan(0, total)), total, distilLarge, 16_000);

        assertThat(plans.stream().map(WindowPlan::toAudioWindow).toList())
                .isEqualTo(new AudioChunker(distilLarge.chunking(), 16_000).windows(total));
    }

    @Test
    void shouldMarkWindowsWithoutSpeechAsSpeechless() {
        // Given a minute with 2 s of speech at 22-24 s
        List<SpeechSpan> spans = List.of(new SpeechSpan(22_000, 24_000));

        // When
        List<WindowPlan> plans = cutEvery(1_000, spans, 60_000, OPTIONS, 1_000);

        // Then only the two windows holding that speech carry audio; indices stay consecutive
        assertThat(plans).extracting(WindowPlan::speechSamples).containsExactly(0L, 2_000L, 2_000L, 0L, 0L, 0L);
        assertThat(plans).extracting(WindowPlan::speechless).containsExactly(true, false, false, true, true, true);
        assertThat(plans).extracting(WindowPlan::index).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void shouldMarkAWindowWithLessSpeechThanTheMinimumAsSpeechless() {
        // Given 200 ms of speech, under the 250 ms minimum
        List<WindowPlan> plans = cutEvery(1_000, List.of(new SpeechSpan(3_000, 3_200)), 10_000, OPTIONS, 1_000);

        assertThat(plans).containsExactly(new WindowPlan(0, 0, 10_000, 0, 0, 200, true, true));
    }

    @Test
    void shouldEmitAWindowOnceTheAudioHasGonePastItsEnd() {
        // Given a stream of silence
        WindowCutter cutter = WindowCutter.start(OPTIONS, 1_000);
        ScriptedSpeech silence = new ScriptedSpeech(List.of(), 40_000, 0, 0);

        // When / Then at exactly 15 s the first window could still be the last one; one sample later it is not
        assertThat(cutter.accept(silence.at(15_000))).isEmpty();
        assertThat(cutter.accept(silence.at(15_001)))
                .containsExactly(new WindowPlan(0, 0, 15_000, 0, 2_500, 0, true, false));
    }

    @Test
    void shouldWaitUntilTheSpeechAtAWindowsEndHasSettled() {
        // Given speech open across the first window's end, reported only up to 14 s so far
        WindowCutter cutter = WindowCutter.start(OPTIONS, 1_000);
        SpeechSpan open = new SpeechSpan(12_000, 14_000);

        // When / Then nothing until the speech is known up to 15 s
        assertThat(cutter.accept(new SpeechUpdate(16_000, 14_000, List.of(), Optional.of(open)))).isEmpty();
        assertThat(cutter.accept(new SpeechUpdate(16_500, 16_500, List.of(),
                Optional.of(new SpeechSpan(12_000, 16_500)))))
                .containsExactly(new WindowPlan(0, 0, 15_000, 0, 2_500, 3_000, false, false));
    }

    @Test
    void shouldMakeTheWindowEndingExactlyAtTheEndOfTheStreamTheLast() {
        List<WindowPlan> plans = cutEvery(1_000, List.of(), 25_000, OPTIONS, 1_000);

        assertThat(plans).containsExactly(
                new WindowPlan(0, 0, 15_000, 0, 2_500, 0, true, false),
                new WindowPlan(1, 10_000, 25_000, 2_500, 0, 0, true, true));
    }

    @Test
    void shouldEndAnEmptyStreamWithOneEmptyFinalMarker() {
        WindowCutter cutter = WindowCutter.start(OPTIONS, 8_000);

        assertThat(cutter.finish(SpeechUpdate.finalUpdate(0, List.of())))
                .containsExactly(new WindowPlan(0, 0, 0, 0, 0, 0, true, true));
    }

    static List<WindowPlan> cutEvery(long step, List<SpeechSpan> spans, long total, WindowingOptions options,
                                     int rate) {
        List<Long> positions = LongStream.iterate(step, p -> p < total, p -> p + step).boxed().toList();
        return ScriptedSpeech.feed(WindowCutter.start(options, rate), new ScriptedSpeech(spans, total, 0, 0),
                positions);
    }
}
