package dev.callscribe.longform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A toy Whisper vocabulary for writing token streams by hand: each word is one text token, decoding puts a space
 * before every word as Whisper's tokens do, ids 900 to 999 are special and ids from 1000 on are timestamps
 * (1000 is {@code <|0.00|>}, one id per 0.02 s).
 */
final class FakeVocabulary {

    static final int TIMESTAMP_BEGIN = 1000;
    static final int END_OF_TEXT = 950;
    static final int ENGLISH = 960;
    static final int TRANSCRIBE = 970;
    static final TokenVocabulary VOCABULARY = TokenVocabulary.whisper(TIMESTAMP_BEGIN,
            id -> id >= 900 && id < TIMESTAMP_BEGIN);
    static final int SAMPLE_RATE = 16_000;

    private static final List<String> WORDS = List.of("hello", "world", "how", "are", "you", "fine", "thanks",
            "we", "looking", "at", "the", "long", "sentence", "now", "bye", "here", "a", "b", "c", "d", "e", "f",
            "g", "h", "x", "y", "z", "ok", "yes", "no");

    /** Decodes ids of {@link #WORDS} and shows any other id as {@code #id}. */
    static final TokenText TEXT = ids -> ids.stream()
            .map(id -> id < WORDS.size() ? " " + WORDS.get(id) : " #" + id)
            .collect(Collectors.joining());

    private FakeVocabulary() {
    }

    /** The timestamp token for a time in seconds within a window. */
    static int at(double seconds) {
        return TIMESTAMP_BEGIN + (int) Math.round(seconds / TokenVocabulary.WHISPER_SECONDS_PER_TIMESTAMP);
    }

    /** Word ids for a space-separated phrase. */
    static List<Integer> words(String phrase) {
        List<Integer> ids = new ArrayList<>();
        for (String word : phrase.split(" ")) {
            int id = WORDS.indexOf(word);
            if (id < 0) {
                throw new IllegalArgumentException("not in the fake vocabulary: " + word);
            }
            ids.add(id);
        }
        return ids;
    }

    /** A token stream from phrases (strings) and raw ids (integers: timestamps and special tokens). */
    static List<Integer> tokens(Object... parts) {
        List<Integer> ids = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String phrase) {
                ids.addAll(words(phrase));
            } else {
                ids.add((Integer) part);
            }
        }
        return ids;
    }

    /** The chunker's windows for some seconds of 16 kHz audio cut into chunks of {@code chunkLengthS}. */
    static List<AudioWindow> windows(double chunkLengthS, double audioSeconds) {
        AudioChunker chunker = new AudioChunker(ChunkingOptions.defaults(chunkLengthS), SAMPLE_RATE);
        return chunker.windows(Math.round(audioSeconds * SAMPLE_RATE));
    }

    /** Pairs windows with their token streams, in order. */
    @SafeVarargs
    static List<WindowTokens> transcribed(List<AudioWindow> windows, List<Integer>... tokens) {
        if (windows.size() != tokens.length) {
            throw new IllegalArgumentException(windows.size() + " windows but " + tokens.length + " token lists");
        }
        List<WindowTokens> result = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            result.add(new WindowTokens(windows.get(i), tokens[i]));
        }
        return result;
    }

    /** A merger over the fake vocabulary at 16 kHz. */
    static ChunkMerger merger() {
        return new ChunkMerger(VOCABULARY, SAMPLE_RATE, TEXT);
    }

    /** A segment as the merger should give it. */
    static TranscriptSegment segment(long startMs, long endMs, String phrase) {
        return new TranscriptSegment(startMs, endMs, TEXT.decode(words(phrase)), words(phrase));
    }
}
