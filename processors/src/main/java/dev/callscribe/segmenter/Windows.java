package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.WindowMode;
import dev.callscribe.windowing.WindowPlan;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Builds the AudioWindow record of a window plan: placement in ms, the channel's audio or none, bookkeeping. */
final class Windows {

    private Windows() {
    }

    /**
     * @param source the channel and its call; its gaps tell how much of the window never arrived
     * @param audio the window's samples in the call's encoding, or an empty array for a window without speech
     */
    static AudioWindow of(WindowSource source, WindowPlan plan, byte[] audio, WindowMode mode, long nowMs) {
        CallState call = source.call();
        AudioFormat format = call.format();
        return AudioWindow.newBuilder()
                .setCallId(source.callId())
                .setChannel(source.channel())
                .setChannels(format.channels())
                .setSpeaker(call.speakers().get(source.channel()))
                .setWindowIndex(plan.index())
                .setMode(mode)
                .setStartMs(format.millis(plan.startSample()))
                .setStrideLeftMs((int) format.millis(plan.leftOverlapSamples()))
                .setStrideRightMs((int) format.millis(plan.rightOverlapSamples()))
                .setEncoding(format.encoding())
                .setSampleRateHz(format.sampleRateHz())
                .setPayload(ByteBuffer.wrap(audio))
                .setDurationMs((int) format.millis(plan.lengthSamples()))
                .setSpeechMs((int) format.millis(plan.speechSamples()))
                .setGapMs((int) format.millis(gapSamples(source.gaps(), plan.startSample(), plan.endSample())))
                .setLast(plan.last())
                .setLanguageHint(call.languageHint())
                .setCapturedAt(Instant.ofEpochMilli(call.lastCapturedAtMs()))
                .setEmittedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    private static long gapSamples(List<long[]> gaps, long from, long to) {
        long missing = 0;
        for (long[] gap : gaps) {
            missing += Math.max(0, Math.min(to, gap[1]) - Math.max(from, gap[0]));
        }
        return missing;
    }
}
