/**
 * Long-form chunking and merging: cutting long audio into overlapping windows and stitching the windows' Whisper
 * tokens back into one transcript on the audio's absolute timeline, as the Hugging Face chunked pipeline does
 * ({@code chunk_iter}, {@code _decode_asr}, {@code _find_longest_common_sequence}; research notes, model.md 6.1).
 *
 * <p>Pure functions on sample counts and token ids: this package imports only the JDK. Model facts (the first
 * timestamp id, which ids are special, seconds per timestamp step) and token-to-text decoding come in from the
 * caller ({@link dev.callscribe.longform.TokenVocabulary}, {@link dev.callscribe.longform.TokenText}).
 *
 * <p>Entry points: {@link dev.callscribe.longform.AudioChunker} cuts audio into
 * {@link dev.callscribe.longform.AudioWindow}s; {@link dev.callscribe.longform.ChunkMerger} merges their tokens,
 * either all at once ({@code mergeAll}) or one window at a time through a serializable
 * {@link dev.callscribe.longform.MergeState}, which is how a streaming stitcher uses it.
 */
package dev.callscribe.longform;
