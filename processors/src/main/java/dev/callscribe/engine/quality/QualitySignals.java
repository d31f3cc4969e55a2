package dev.callscribe.engine.quality;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The per-window quality signals OpenAI's transcribe computes, which drive the temperature fallback and the silence
 * decision.
 *
 * @param avgLogProb sum of the sampled tokens' log-probabilities (end-of-text included) over the number of text
 *     tokens plus one; at most 0
 * @param noSpeechProb probability of {@code <|nospeech|>} at the {@code <|startoftranscript|>} position, in [0, 1]
 * @param compressionRatio UTF-8 bytes of the text over their zlib-compressed size; repetition loops score high
 */
public record QualitySignals(double avgLogProb, double noSpeechProb, double compressionRatio) {

    /** The average log-probability as OpenAI defines it: the sum over {@code textTokens + 1}. */
    public static double averageLogProb(double sumLogProbs, int textTokens) {
        return sumLogProbs / (textTokens + 1);
    }

    /** {@code len(bytes) / len(zlib.compress(bytes))} of the text, as openai/whisper's {@code compression_ratio}. */
    public static double compressionRatio(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0;
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] buffer = new byte[bytes.length + 64];
            int compressed = 0;
            while (!deflater.finished()) {
                compressed += deflater.deflate(buffer);
            }
            return (double) bytes.length / compressed;
        } finally {
            deflater.end();
        }
    }
}
