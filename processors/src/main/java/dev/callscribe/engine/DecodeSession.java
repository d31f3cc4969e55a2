package dev.callscribe.engine;

import ai.onnxruntime.OrtException;

/**
 * The decoder's side of decoding one batch: the prompt first, then one token per row per step. Implementations
 * keep (or, for verification, recompute) the attention cache between calls; closing releases every tensor held.
 * Not thread-safe; one per batch.
 */
interface DecodeSession extends AutoCloseable {

    /**
     * Runs the prompt, the same length for every row.
     *
     * @param prompt {@code [batch][promptLength]} token ids
     * @return logits at every prompt position
     */
    Logits prefill(long[][] prompt) throws OrtException;

    /**
     * Runs one more token per row.
     *
     * @param tokens the token each row chose last, {@code [batch]}
     * @return logits whose last position predicts the next token
     */
    Logits step(long[] tokens) throws OrtException;

    @Override
    void close() throws OrtException;
}
