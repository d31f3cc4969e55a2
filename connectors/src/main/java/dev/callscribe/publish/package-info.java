/**
 * Getting call audio into Kafka: recordings read into memory ({@link dev.callscribe.publish.Recordings}: WAV, FLAC,
 * headerless), cut into {@code AudioChunk}s ({@link dev.callscribe.publish.CallChunker}), planned as one or many
 * concurrent calls with distinct ids ({@link dev.callscribe.publish.CallPlan}), and sent to {@code calls.audio} by
 * the entry class {@link dev.callscribe.publish.CallPublisher}, paced in real time or as fast as possible. The
 * {@code callscribe publish} command and the demo drive it; the Kafka Connect source shares the chunker.
 */
package dev.callscribe.publish;
