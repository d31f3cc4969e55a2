package dev.callscribe.transcriber;

import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.WindowMode;
import java.nio.ByteBuffer;
import java.time.Instant;

/** AudioWindows for tests: a valid window of a call and channel, then changes with the builder. */
final class Windows {

    /** Capture and emission time of test windows: fixed, so fields copied from them can be compared. */
    static final Instant CAPTURED_AT = Instant.parse("2026-11-26T10:00:00.000Z");
    static final Instant EMITTED_AT = Instant.parse("2026-11-26T10:00:00.250Z");

    private Windows() {
    }

    /** Window {@code index} of a two-channel call's {@code channel}, 16 kHz PCM, starting {@code index * 10 s}. */
    static AudioWindow.Builder window(String callId, int channel, long index, byte[] pcm16At16k) {
        return AudioWindow.newBuilder()
                .setCallId(callId)
                .setChannel(channel)
                .setChannels(2)
                .setSpeaker(channel == 0 ? "agent" : "customer")
                .setWindowIndex(index)
                .setMode(WindowMode.UTTERANCE)
                .setStartMs(index * 10_000)
                .setStrideLeftMs(0)
                .setStrideRightMs(0)
                .setEncoding(AudioEncoding.PCM_S16LE)
                .setSampleRateHz(16_000)
                .setPayload(ByteBuffer.wrap(pcm16At16k))
                .setSpeechMs(0)
                .setGapMs(0)
                .setLast(false)
                .setLanguageHint(null)
                .setCapturedAt(CAPTURED_AT)
                .setEmittedAt(EMITTED_AT);
    }

    /** The end-of-channel marker of a channel: no audio, last. */
    static AudioWindow.Builder endMarker(String callId, int channel, long index) {
        return window(callId, channel, index, new byte[0]).setLast(true);
    }
}
