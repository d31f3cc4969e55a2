package dev.callscribe.stitcher;

import dev.callscribe.avro.DecodingInfo;
import dev.callscribe.avro.InferenceTimings;
import dev.callscribe.avro.WindowMode;
import dev.callscribe.avro.WindowToken;
import dev.callscribe.avro.WindowTranscript;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds window transcripts for stitcher tests. Tokens are written as a tiny language: {@code "@1.5"} is a
 * timestamp 1.5 s into the window, any other word is a text token whose bytes are the word with a leading space and
 * whose id is stable per word.
 */
final class WindowTranscripts {

    static final Instant CAPTURED = Instant.parse("2026-11-26T12:00:00Z");

    private WindowTranscripts() {
    }

    static WindowTranscript window(String callId, int channel, long index, long startMs, int durationMs,
                                   boolean last, String... tokens) {
        List<WindowToken> parsed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            if (token.startsWith("@")) {
                int ms = (int) Math.round(Double.parseDouble(token.substring(1)) * 1000);
                parsed.add(new WindowToken(idOfTime(ms), ByteBuffer.allocate(0), ms, 0f));
            } else {
                byte[] bytes = (" " + token).getBytes(StandardCharsets.UTF_8);
                parsed.add(new WindowToken(idOf(token), ByteBuffer.wrap(bytes), null, -0.1f));
                text.append(' ').append(token);
            }
        }
        return WindowTranscript.newBuilder()
                .setCallId(callId).setChannel(channel).setChannels(2)
                .setSpeaker(channel == 0 ? "agent" : "customer")
                .setWindowIndex(index).setMode(WindowMode.CHUNKED)
                .setStartMs(startMs).setDurationMs(durationMs).setStrideLeftMs(0).setStrideRightMs(0)
                .setSpeechMs(durationMs).setLast(last)
                .setText(text.toString()).setTokens(parsed).setSegments(List.of()).setLanguage("en")
                .setAvgLogProb(-0.2).setNoSpeechProb(0.01).setCompressionRatio(1.2).setNoSpeech(false)
                .setDecoding(new DecodingInfo("oracle", "transcribe", 0.0, true, 224))
                .setTimings(new InferenceTimings(4, 30L, 8.0, 120.0, 40.0, 12))
                .setCapturedAt(CAPTURED.plusMillis(startMs + durationMs))
                .setWindowEmittedAt(CAPTURED.plusMillis(startMs + durationMs + 5))
                .setTranscribedAt(CAPTURED.plusMillis(startMs + durationMs + 200))
                .build();
    }

    private static int idOf(String word) {
        return 1000 + Math.floorMod(word.hashCode(), 50_000);
    }

    private static int idOfTime(int ms) {
        return 60_000 + ms / 20;
    }
}
