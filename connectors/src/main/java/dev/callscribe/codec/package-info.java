/**
 * Audio sample encodings (PCM16, G.711 mu-law and A-law, float32), the WAV container and FLAC: reading a recording's
 * format and raw payload ({@link dev.callscribe.codec.AudioFileReader}, the one reader of audio files for every
 * command and the recording source connector), decoding samples to floats, writing test files. Pure byte handling;
 * its one dependency is jFLAC. Shared by the front-end in {@code processors} and the publishers here.
 */
package dev.callscribe.codec;
