package dev.callscribe.transcribe;

/**
 * One channel of an audio file, at the model's sample rate.
 *
 * @param source where it came from (a file name), for output
 * @param channel the channel index in the source, from 0
 * @param samples mono samples at the model's sample rate (16 kHz for Whisper)
 */
public record ChannelAudio(String source, int channel, float[] samples) {
}
