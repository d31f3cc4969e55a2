package dev.callscribe.stitcher;

import dev.callscribe.avro.WindowToken;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.longform.AudioWindow;
import dev.callscribe.longform.TokenVocabulary;
import dev.callscribe.longform.WindowTokens;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a WindowTranscript into the long-form merge's input without the model's tokenizer: text tokens keep their ids
 * and carry their own bytes; timestamp tokens, whose ids differ between models, are renumbered from their times onto
 * a private range starting at {@link #TIMESTAMP_BEGIN}, in the merge's 20 ms steps.
 */
final class WindowTokensMapper {

    /** First id of the private timestamp range, above any real vocabulary. */
    static final int TIMESTAMP_BEGIN = 1 << 30;
    /** Sample rate of the merge's window arithmetic. */
    static final int SAMPLE_RATE = 16_000;
    static final TokenVocabulary VOCABULARY = TokenVocabulary.whisper(TIMESTAMP_BEGIN, id -> false);

    private static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;
    private static final int MS_PER_TIMESTAMP = 20;

    private WindowTokensMapper() {
    }

    static WindowTokens windowTokens(WindowTranscript transcript) {
        AudioWindow window = new AudioWindow((int) transcript.getWindowIndex(),
                transcript.getStartMs() * SAMPLES_PER_MS, transcript.getDurationMs() * SAMPLES_PER_MS,
                transcript.getStrideLeftMs() * SAMPLES_PER_MS, transcript.getStrideRightMs() * SAMPLES_PER_MS,
                transcript.getLast());
        List<Integer> ids = new ArrayList<>();
        for (WindowToken token : transcript.getTokens()) {
            ids.add(token.getTimeMs() != null ? TIMESTAMP_BEGIN + token.getTimeMs() / MS_PER_TIMESTAMP
                    : token.getId());
        }
        return new WindowTokens(window, ids);
    }

    /** The vocabulary extended with the text tokens of a window, as base64 bytes by id. */
    static Map<Integer, String> learn(Map<Integer, String> known, WindowTranscript transcript) {
        Map<Integer, String> learned = new HashMap<>(known);
        for (WindowToken token : transcript.getTokens()) {
            if (token.getTimeMs() == null) {
                learned.putIfAbsent(token.getId(), Base64.getEncoder().encodeToString(bytes(token.getBytes())));
            }
        }
        return learned;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
