package dev.callscribe.engine.result;

/**
 * Where the time of one batch went, in milliseconds. The figures are the batch's, shared by all its windows.
 *
 * @param batchSize windows decoded together
 * @param featureMs log-mel of the batch
 * @param encoderMs the encoder run
 * @param decoderMs every decoder step, fallback re-decodes included
 */
public record BatchTimings(int batchSize, double featureMs, double encoderMs, double decoderMs) {
}
