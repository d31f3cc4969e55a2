package dev.callscribe.longform;

import static dev.callscribe.longform.FakeVocabulary.END_OF_TEXT;
import static dev.callscribe.longform.FakeVocabulary.ENGLISH;
import static dev.callscribe.longform.FakeVocabulary.TIMESTAMP_BEGIN;
import static dev.callscribe.longform.FakeVocabulary.at;
import static dev.callscribe.longform.FakeVocabulary.merger;
import static dev.callscribe.longform.FakeVocabulary.windows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any token streams, checked on seeded random ones: Whisper-like streams (timestamps in
 * pairs around words heard in each window, with some misheard words) and arbitrary ones (any mix of text, special
 * and timestamp ids, timestamps in any order).
 */
class ChunkMergerInvariantTest {

    private static final int WORD_IDS = 30;
    private static final int MAX_TIMESTAMP_STEPS = 1_500;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldKeepSegmentTimesNonDecreasingForWhisperLikeStreams(long seed) {
        List<WindowTokens> windows = whisperLike(new Random(seed));

        assertInTimelineOrder(merger().mergeAll(windows).segments());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldKeepSegmentTimesNonDecreasingForArbitraryStreams(long seed) {
        List<WindowTokens> windows = arbitrary(new Random(seed));

        assertInTimelineOrder(merger().mergeAll(windows).segments());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldGiveTheWholeFileResultWhenFedOneWindowAtATime(long seed) {
        Random random = new Random(seed);
        List<WindowTokens> windows = random.nextBoolean() ? whisperLike(random) : arbitrary(random);
        ChunkMerger merger = merger();

        List<TranscriptSegment> segments = new ArrayList<>();
        MergeState state = MergeState.initial();
        MergeStep step = null;
        for (WindowTokens window : windows) {
            step = merger.accept(state, window);
            segments.addAll(step.settled());
            state = step.state();
        }
        List<TranscriptSegment> last = merger.finish(state);
        segments.addAll(last);

        assertThat(segments).isEqualTo(merger.mergeAll(windows).segments());
        assertThat(last).isEqualTo(step == null ? List.of() : step.interim().stream().toList());
    }

    private static void assertInTimelineOrder(List<TranscriptSegment> segments) {
        long previousEnd = 0;
        for (TranscriptSegment segment : segments) {
            assertThat(segment.startMs()).as("start of %s", segment).isGreaterThanOrEqualTo(previousEnd);
            assertThat(segment.endMs()).as("end of %s", segment).isGreaterThanOrEqualTo(segment.startMs());
            previousEnd = segment.endMs();
        }
    }

    /** Words on one timeline; each window reports the words starting inside it, grouped into timed segments. */
    private static List<WindowTokens> whisperLike(Random random) {
        double chunkS = new double[] {10, 15, 25}[random.nextInt(3)];
        double audioS = 1 + random.nextDouble() * 90;
        List<double[]> words = spokenWords(random, audioS);
        List<WindowTokens> result = new ArrayList<>();
        for (AudioWindow window : windows(chunkS, audioS)) {
            double startS = window.startSample() / (double) FakeVocabulary.SAMPLE_RATE;
            double endS = window.endSample() / (double) FakeVocabulary.SAMPLE_RATE;
            result.add(new WindowTokens(window, heard(random, words, startS, endS)));
        }
        return result;
    }

    /** Each word as {start s, end s, id}. */
    private static List<double[]> spokenWords(Random random, double audioS) {
        List<double[]> words = new ArrayList<>();
        double time = random.nextDouble() * 2;
        while (true) {
            double duration = 0.15 + random.nextDouble() * 0.45;
            if (time + duration > audioS) {
                return words;
            }
            words.add(new double[] {time, time + duration, random.nextInt(WORD_IDS)});
            double pause = random.nextInt(7) == 0 ? 0.8 + random.nextDouble() * 2 : random.nextDouble() * 0.2;
            time += duration + pause;
        }
    }

    private static List<Integer> heard(Random random, List<double[]> words, double startS, double endS) {
        List<Integer> tokens = new ArrayList<>(List.of(ENGLISH));
        int lastTimestamp = TIMESTAMP_BEGIN;
        boolean open = false;
        double previousEnd = -1;
        for (double[] word : words) {
            if (word[0] < startS || word[0] >= endS) {
                continue;
            }
            if (open && word[0] - previousEnd > 0.6) {
                lastTimestamp = timestamp(tokens, previousEnd - startS, lastTimestamp);
                open = false;
            }
            if (!open) {
                lastTimestamp = timestamp(tokens, word[0] - startS, lastTimestamp);
                open = true;
            }
            // Some words are misheard, as two windows rarely agree on every token.
            tokens.add(random.nextInt(20) == 0 ? random.nextInt(WORD_IDS) : (int) word[2]);
            previousEnd = word[1];
        }
        if (open && previousEnd <= endS && random.nextInt(5) > 0) {
            timestamp(tokens, previousEnd - startS, lastTimestamp);
        }
        tokens.add(END_OF_TEXT);
        return tokens;
    }

    /** Appends the timestamp nearest the window-relative time, never before the previous one. */
    private static int timestamp(List<Integer> tokens, double seconds, int previous) {
        int id = Math.max(previous, Math.min(at(Math.max(0, seconds)), TIMESTAMP_BEGIN + MAX_TIMESTAMP_STEPS));
        tokens.add(id);
        return id;
    }

    /** Any ids in any order: text, special and timestamps anywhere in 0-30 s. */
    private static List<WindowTokens> arbitrary(Random random) {
        double audioS = random.nextDouble() * 80;
        List<WindowTokens> result = new ArrayList<>();
        for (AudioWindow window : windows(15, audioS)) {
            List<Integer> tokens = new ArrayList<>();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    tokens.add(random.nextInt(WORD_IDS));
                } else if (kind < 6) {
                    tokens.add(END_OF_TEXT);
                } else {
                    tokens.add(TIMESTAMP_BEGIN + random.nextInt(MAX_TIMESTAMP_STEPS + 1));
                }
            }
            result.add(new WindowTokens(window, tokens));
        }
        return result;
    }
}
