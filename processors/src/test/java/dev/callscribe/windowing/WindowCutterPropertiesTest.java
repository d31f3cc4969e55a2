package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.longform.AudioChunker;
import dev.callscribe.longform.AudioWindow;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.vad.SampleClock;
import dev.callscribe.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random channels: random spans, random detector delays, random update positions, and
 * sometimes other options. Each seed is one case.
 */
class WindowCutterPropertiesTest {

    private static final int[] RATES = {8_000, 16_000, 44_100};

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, 40).mapToObj(seed -> Arguments.of(seed, RATES[(int) (seed % 3)]));
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("seeds")
    void shouldCutUtteranceWindowsByThePackingRuleHoweverTheUpdatesArrive(long seed, int rate) {
        // Given a random channel
        Channel channel = Channel.random(seed, rate, WindowMode.UTTERANCE);

        // When it is cut from updates at random positions, and from a single update at the end
        List<WindowPlan> chunked = channel.cut(randomPositions(new Random(seed), channel.total, rate));
        List<WindowPlan> whole = channel.cut(List.of(channel.total));

        // Then both give the windows of the offline rule, the same way
        SampleClock clock = new SampleClock(rate);
        WindowingOptions options = channel.options;
        List<WindowPlan> expected = UtteranceReference.windows(channel.spans, clock.samples(options.maxWindowMs()),
                clock.samples(options.latencyBudgetMs()), clock.samples(options.splitOverlapMs()),
                clock.samples(options.minSpeechMs()));
        assertThat(chunked).isEqualTo(whole);
        assertThat(withoutMarker(chunked).stream().map(plan -> withLast(plan, false)).toList()).isEqualTo(expected);
        requireCommonInvariants(chunked, clock.samples(options.maxWindowMs()));
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("seeds")
    void shouldCoverEverySpeechSampleWithAnUtteranceWindow(long seed, int rate) {
        // Given a random channel whose spans are each at least the minimum speech
        Channel channel = Channel.random(seed, rate, WindowMode.UTTERANCE);

        // When
        List<WindowPlan> plans = channel.cut(randomPositions(new Random(seed), channel.total, rate));

        // Then every speech sample lies in some window
        for (SpeechSpan span : channel.spans) {
            long covered = 0;
            long from = span.startSample();
            for (WindowPlan plan : plans) {
                if (plan.startSample() <= from && plan.endSample() > from) {
                    covered += Math.min(plan.endSample(), span.endSample()) - from;
                    from = Math.min(plan.endSample(), span.endSample());
                }
            }
            assertThat(covered).as("speech in %s", span).isEqualTo(span.lengthSamples());
        }
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("seeds")
    void shouldCutAudioChunkersWindowsCountingTheSpeechInEach(long seed, int rate) {
        // Given a random channel in chunked mode
        Channel channel = Channel.random(seed, rate, WindowMode.CHUNKED);

        // When
        List<WindowPlan> chunked = channel.cut(randomPositions(new Random(seed), channel.total, rate));
        List<WindowPlan> whole = channel.cut(List.of(channel.total));

        // Then the windows are AudioChunker's, with their speech counted exactly, the same however fed
        List<AudioWindow> expected = new AudioChunker(channel.options.chunking(), rate).windows(channel.total);
        assertThat(chunked).isEqualTo(whole);
        assertThat(chunked.stream().map(WindowPlan::toAudioWindow).toList()).isEqualTo(expected);
        long minSpeech = new SampleClock(rate).samples(channel.options.minSpeechMs());
        for (WindowPlan plan : chunked) {
            long speech = channel.spans.stream()
                    .mapToLong(span -> span.overlapSamples(plan.startSample(), plan.endSample())).sum();
            assertThat(plan.speechSamples()).isEqualTo(speech);
            assertThat(plan.speechless()).isEqualTo(speech < minSpeech);
        }
        requireCommonInvariants(chunked, new SampleClock(rate).samples(channel.options.maxWindowMs()));
    }

    @ParameterizedTest(name = "seed {0} at {1} Hz")
    @MethodSource("seeds")
    void shouldContinueFromAStoredStateExactlyAsWithoutTheRestart(long seed, int rate) {
        for (WindowMode mode : WindowMode.values()) {
            // Given a random channel
            Channel channel = Channel.random(seed, rate, mode);
            List<Long> positions = randomPositions(new Random(seed + 7), channel.total, rate);
            List<WindowPlan> uninterrupted = channel.cut(positions);

            // When each update goes to a cutter resumed from the previous one's state, through its bytes
            ScriptedSpeech speech = channel.speech();
            WindowingState state = WindowingState.initial(mode);
            List<WindowPlan> restarted = new ArrayList<>();
            for (long position : positions) {
                WindowCutter cutter = WindowCutter.resume(channel.options, rate, state);
                restarted.addAll(cutter.accept(speech.at(position)));
                state = WindowingState.fromBytes(cutter.state().toBytes());
            }
            restarted.addAll(WindowCutter.resume(channel.options, rate, state).finish(speech.flush()));

            // Then
            assertThat(restarted).as("%s", mode).isEqualTo(uninterrupted);
        }
    }

    /** Indices 0, 1, 2...; no window beyond the maximum; exactly one last plan, at the end. */
    private static void requireCommonInvariants(List<WindowPlan> plans, long maxSamples) {
        assertThat(plans).isNotEmpty();
        for (int i = 0; i < plans.size(); i++) {
            assertThat(plans.get(i).index()).isEqualTo(i);
            assertThat(plans.get(i).lengthSamples()).isLessThanOrEqualTo(maxSamples);
            assertThat(plans.get(i).last()).isEqualTo(i == plans.size() - 1);
        }
    }

    private static List<WindowPlan> withoutMarker(List<WindowPlan> plans) {
        return plans.stream().filter(plan -> !plan.isEmptyMarker()).toList();
    }

    private static WindowPlan withLast(WindowPlan plan, boolean last) {
        return new WindowPlan(plan.index(), plan.startSample(), plan.endSample(), plan.leftOverlapSamples(),
                plan.rightOverlapSamples(), plan.speechSamples(), plan.speechless(), last);
    }

    /** Increasing update positions, mostly 0.2-1.5 s apart, some repeated or a sample apart; ends at the total. */
    private static List<Long> randomPositions(Random random, long total, int rate) {
        List<Long> positions = new ArrayList<>();
        long position = 0;
        while (position < total) {
            int kind = random.nextInt(10);
            position += kind == 0 ? 0 : kind == 1 ? 1 : rate / 5 + random.nextInt(rate * 13 / 10);
            positions.add(Math.min(position, total));
        }
        return positions;
    }

    /** A random channel: spans, length, detector delays and options. */
    private record Channel(List<SpeechSpan> spans, long total, WindowingOptions options, int rate,
                           long confirmSamples, long closeSamples) {

        static Channel random(long seed, int rate, WindowMode mode) {
            Random random = new Random(seed * 31 + mode.ordinal());
            WindowingOptions options = WindowingOptions.defaults().withMode(mode);
            if (random.nextBoolean()) {
                int maxWindowMs = 10_000 + random.nextInt(20_000);
                double chunkS = 4 + random.nextDouble() * (maxWindowMs / 1000.0 - 4);
                options = options.withChunking(new ChunkingOptions(chunkS, random.nextDouble() * chunkS / 4,
                                random.nextDouble() * chunkS / 4))
                        .withMaxWindow(maxWindowMs, 500 + random.nextInt(4_000))
                        .withLatencyBudgetMs(random.nextInt(8_000)).withMinSpeechMs(random.nextInt(600));
            }
            List<SpeechSpan> spans = new ArrayList<>();
            long position = random.nextInt(3) == 0 ? 0 : (long) (random.nextDouble() * 5 * rate);
            long minSpeech = new SampleClock(rate).samples(options.minSpeechMs());
            while (spans.size() < 25 && random.nextInt(30) != 0) {
                double seconds = random.nextInt(8) == 0 ? 30 + random.nextDouble() * 60 : random.nextDouble() * 6;
                long length = Math.max(minSpeech, (long) (seconds * rate)) + 1;
                spans.add(new SpeechSpan(position, position + length));
                position += length + (random.nextInt(6) == 0 ? 0 : (long) (random.nextDouble() * 8 * rate));
            }
            long total = position + (long) (random.nextDouble() * 3 * rate);
            return new Channel(spans, total, options, rate, (long) (random.nextDouble() * rate / 2),
                    (long) (random.nextDouble() * rate));
        }

        ScriptedSpeech speech() {
            return new ScriptedSpeech(spans, total, confirmSamples, closeSamples);
        }

        List<WindowPlan> cut(List<Long> positions) {
            return ScriptedSpeech.feed(WindowCutter.start(options, rate), speech(), positions);
        }
    }
}
