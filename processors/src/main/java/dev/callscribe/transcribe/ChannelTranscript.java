package dev.callscribe.transcribe;

import dev.callscribe.longform.Transcript;

/**
 * The transcript of one channel of an audio file.
 *
 * @param source the file
 * @param channel the channel index, from 0
 * @param language the language decoded with, or null for English-only models
 * @param durationMs length of the channel's audio
 * @param transcript merged segments on the channel's timeline
 */
public record ChannelTranscript(String source, int channel, String language, long durationMs,
                                Transcript transcript) {
}
