package dev.callscribe.segmenter;

import dev.callscribe.codec.SampleDecoder;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.windowing.WindowPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a call's chunks in order into its stores and cuts windows from them: per channel, the chunk's bytes are
 * stored, its samples go through speech detection and window cutting, each final window is read back from the
 * store and handed on, and audio no future window needs is released. Gaps before a chunk are filled with silence
 * and recorded.
 */
final class CallAudio {

    private final SegmenterStores stores;
    private final SegmenterSettings settings;
    private final SegmenterMeters meters;
    private final Consumer<AudioWindow> emit;

    CallAudio(SegmenterStores stores, SegmenterSettings settings, SegmenterMeters meters,
              Consumer<AudioWindow> emit) {
        this.stores = stores;
        this.settings = settings;
        this.meters = meters;
        this.emit = emit;
    }

    /** Takes the call's next chunk; returns the call's state after it. */
    CallState ingest(String callId, CallState before, AudioChunk chunk, long nowMs) {
        CallState call = before.capturing(chunk.getCapturedAt().toEpochMilli());
        AudioFormat format = call.format();
        byte[] payload = AudioFormat.bytes(chunk.getPayload());
        byte[][] channelBytes = format.splitChannels(payload);
        float[][] samples = SampleDecoder.decode(payload, format.sampleEncoding(), format.channels());
        long gapFrames = Math.max(0, chunk.getOffsetFrames() - call.nextFrame());
        List<ChannelCut> cuts = new ArrayList<>();
        for (int channel = 0; channel < format.channels(); channel++) {
            ChannelChunk piece = new ChannelChunk(gapFrames, channelBytes[channel], samples[channel]);
            cuts.add(ingestChannel(callId, channel, call, piece, nowMs));
        }
        long frames = gapFrames + samples[0].length;
        meters.audioIn(format.channels() * format.millis(samples[0].length));
        return call.advanced(frames, nowMs, cuts);
    }

    /** One channel's share of a chunk: the gap before it, its bytes, its samples. */
    private record ChannelChunk(long gapFrames, byte[] bytes, float[] samples) {
    }

    private ChannelCut ingestChannel(String callId, int channel, CallState call, ChannelChunk piece, long nowMs) {
        long gapFrames = piece.gapFrames();
        ChannelCut cut = call.channels().get(channel);
        ChannelWindows windows = ChannelWindows.resume(settings.vad(), settings.windowing(),
                call.format().sampleRateHz(), cut);
        List<long[]> gaps = new ArrayList<>(cut.gaps());
        List<WindowPlan> plans = new ArrayList<>();
        long position = call.nextFrame();
        if (gapFrames > 0) {
            gaps.add(new long[] {position, position + gapFrames});
            stores.audio.put(SegmenterStores.audioKey(callId, channel, position),
                    call.format().silence((int) gapFrames));
            plans.addAll(windows.accept(new float[(int) gapFrames]));
            position += gapFrames;
        }
        stores.audio.put(SegmenterStores.audioKey(callId, channel, position), piece.bytes());
        plans.addAll(windows.accept(piece.samples()));
        long lastWindowEnd = emitAll(new WindowSource(callId, channel, call, gaps), plans, cut.lastWindowEnd(),
                nowMs);
        long retainFrom = windows.retainFrom();
        stores.release(callId, channel, retainFrom, call.format().bytesPerSample());
        gaps.removeIf(gap -> gap[1] <= retainFrom);
        return windows.save(lastWindowEnd, gaps);
    }

    /** Ends the call: every channel's remaining windows, the last flagged; then its audio is deleted. */
    void finish(String callId, CallState call, long nowMs) {
        for (int channel = 0; channel < call.format().channels(); channel++) {
            ChannelCut cut = call.channels().get(channel);
            ChannelWindows windows = ChannelWindows.resume(settings.vad(), settings.windowing(),
                    call.format().sampleRateHz(), cut);
            emitAll(new WindowSource(callId, channel, call, cut.gaps()), windows.finish(), cut.lastWindowEnd(),
                    nowMs);
        }
        stores.forget(callId, call.format().channels());
    }

    private long emitAll(WindowSource source, List<WindowPlan> plans, long lastWindowEnd, long nowMs) {
        long end = lastWindowEnd;
        AudioFormat format = source.call().format();
        for (WindowPlan plan : plans) {
            byte[] audio = plan.speechless() ? new byte[0] : stores.read(source.callId(), source.channel(),
                    plan.startSample(), plan.endSample(), format.bytesPerSample());
            emit.accept(Windows.of(source, plan, audio, settings.avroMode(), nowMs));
            long skipped = plan.speechless() ? plan.endSample() - Math.max(end, plan.startSample())
                    : Math.max(0, plan.startSample() - end);
            meters.window(format.millis(plan.speechless() ? 0 : plan.lengthSamples()),
                    format.millis(Math.max(0, skipped)));
            end = Math.max(end, plan.endSample());
        }
        return end;
    }
}
