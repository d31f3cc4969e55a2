/**
 * Audio sample encodings (PCM16, G.711 mu-law and A-law, float32) and the WAV container: reading a recording's
 * format and raw payload, decoding samples to floats, writing test files. Pure byte handling with no dependencies,
 * shared by the front-end in {@code processors} and the publishers here.
 */
package dev.callscribe.codec;
