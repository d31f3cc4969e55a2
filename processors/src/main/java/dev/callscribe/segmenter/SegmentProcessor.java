package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.DeadLetters;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each call's chunks in order and hands them to {@link CallAudio}: a duplicate or late chunk is dead-lettered,
 * an early one waits (bounded, in a store) for the missing ones until the gap timeout, then the call carries on with
 * the gap filled. A wall-clock punctuator ends calls that stop sending chunks. Values arrive as bytes and are decoded
 * here, so bad input becomes a dead letter with its reason and never stops the stream.
 */
final class SegmentProcessor extends ContextualProcessor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentProcessor.class);

    private final ChunkDecoder chunks;
    private final SegmenterSettings settings;
    private final SegmenterMeters meters;
    private final DeadLetterLog deadLetterLog;
    private SegmenterStores stores;
    private CallAudio audio;
    /** Wall-clock time this processor started: waits are not judged on time it did not see. */
    private long startedMs;

    SegmentProcessor(ChunkDecoder chunks, SegmenterSettings settings, SegmenterMeters meters,
                     DeadLetterLog deadLetterLog) {
        this.chunks = chunks;
        this.settings = settings;
        this.meters = meters;
        this.deadLetterLog = deadLetterLog;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new SegmenterStores(context.getStateStore(SegmenterStores.CALLS),
                context.getStateStore(SegmenterStores.EARLY), context.getStateStore(SegmenterStores.AUDIO),
                context.getStateStore(SegmenterStores.ENDED));
        audio = new CallAudio(stores, settings, meters, this::emitWindow);
        startedMs = context.currentSystemTimeMs();
        context.schedule(Duration.ofMillis(settings.punctuationIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                this::onWallClock);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() != null && stores.ended.get(record.key()) != null) {
            deadLetter(record, DeadLetterReason.LATE_CHUNK, "chunk for call " + record.key()
                    + " arrived after the call ended", null);
            return;
        }
        ChunkDecoder.Decoded decoded = chunks.decode(record.value());
        if (decoded.rejection() != null) {
            deadLetter(record, decoded.rejection().reason(), decoded.rejection().message(), decoded.failure());
            return;
        }
        AudioChunk chunk = decoded.chunk();
        Optional<CallState> call = record.key() == null ? Optional.empty() : stores.call(record.key());
        Optional<ChunkRejection> rejection = settings.validator().check(record.key(), chunk, call.orElse(null));
        if (rejection.isEmpty()) {
            rejection = call.isPresent() ? checkPosition(call.get().nextSeq(), call.get().nextFrame(), chunk)
                    : checkPosition(0, 0, chunk);
        }
        if (rejection.isPresent()) {
            deadLetter(record, rejection.get().reason(), rejection.get().message(), null);
            return;
        }
        order(record, chunk, call.orElseGet(() -> startCall(chunk)));
    }

    /**
     * Where a chunk may start, given the next chunk and frame expected (a new call's first chunk included): not
     * further on than the longest gap filled with silence, and not more chunks ahead than frames ahead, since every
     * chunk but the last holds audio (so one absurd seq cannot make the call skip all the chunks before it).
     */
    private Optional<ChunkRejection> checkPosition(long nextSeq, long nextFrame, AudioChunk chunk) {
        long gapFrames = chunk.getOffsetFrames() - nextFrame;
        long gapMs = AudioFormat.of(chunk).millis(gapFrames);
        if (gapMs > settings.maxGapMs()) {
            return Optional.of(new ChunkRejection(DeadLetterReason.INVALID_CHUNK, "offsetFrames "
                    + chunk.getOffsetFrames() + " leaves a gap of " + gapMs + " ms after the call's audio so far; "
                    + "at most " + settings.maxGapMs() + " ms is filled"));
        }
        long skipped = chunk.getSeq() - nextSeq;
        if (skipped > 0 && skipped > gapFrames) {
            return Optional.of(new ChunkRejection(DeadLetterReason.INVALID_SEQ, "seq " + chunk.getSeq() + " is "
                    + skipped + " chunks ahead of the next one expected (" + nextSeq + ") but offsetFrames "
                    + chunk.getOffsetFrames() + " leaves " + Math.max(0, gapFrames) + " frames for them; every "
                    + "chunk but the last holds audio"));
        }
        return Optional.empty();
    }

    private void order(Record<String, byte[]> record, AudioChunk chunk, CallState call) {
        long now = context().currentSystemTimeMs();
        if (chunk.getSeq() < call.nextSeq()) {
            deadLetter(record, DeadLetterReason.DUPLICATE_SEQ, "seq " + chunk.getSeq() + " of call "
                    + chunk.getCallId() + " was already taken in; expected " + call.nextSeq(), null);
        } else if (chunk.getSeq() > call.nextSeq()) {
            stores.early.put(SegmenterStores.earlyKey(chunk.getCallId(), chunk.getSeq()), record.value());
            CallState waiting = call.waitingSinceMs() > 0 ? call : call.waitingSince(now);
            stores.calls.put(chunk.getCallId(), waiting);
            if (stores.earlyChunks(chunk.getCallId()).size() > settings.maxEarlyChunks()) {
                skipGap(chunk.getCallId(), waiting);
            }
        } else {
            take(chunk.getCallId(), call, chunk);
        }
    }

    /** Takes an in-order chunk and every early chunk that now follows; ends the call on its last chunk. */
    private void take(String callId, CallState start, AudioChunk first) {
        CallState call = start;
        AudioChunk chunk = first;
        while (chunk != null) {
            call = audio.ingest(callId, call, chunk, context().currentSystemTimeMs());
            if (chunk.getLast()) {
                endCall(callId, call);
                return;
            }
            if (call.nextFrame() * 1000 >= settings.maxCallMs() * call.format().sampleRateHz()) {
                LOG.warn("Call {} reached {} ms of audio ({}); ending it", callId, settings.maxCallMs(),
                        SegmenterConfig.MAX_CALL_MS_CONFIG);
                endCall(callId, call);
                return;
            }
            chunk = takeEarly(callId, call.nextSeq()).orElse(null);
        }
        boolean stillWaiting = !stores.earlyChunks(callId).isEmpty();
        stores.calls.put(callId, stillWaiting ? call : call.stopWaiting());
    }

    private Optional<AudioChunk> takeEarly(String callId, long seq) {
        String key = SegmenterStores.earlyKey(callId, seq);
        byte[] bytes = stores.early.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        stores.early.delete(key);
        return Optional.of(chunks.decodeTaken(bytes));
    }

    private CallState startCall(AudioChunk chunk) {
        AudioFormat format = AudioFormat.of(chunk);
        List<String> speakers = new ArrayList<>();
        List<ChannelCut> cuts = new ArrayList<>();
        for (int channel = 0; channel < format.channels(); channel++) {
            speakers.add(settings.speaker(chunk.getSpeakers(), channel));
            cuts.add(ChannelWindows.initialCut(settings.vad(), settings.windowing()));
        }
        String language = chunk.getMetadata() == null ? null : chunk.getMetadata().getLanguageHint();
        meters.callStarted();
        return new CallState(format, 0, 0, speakers, language, context().currentSystemTimeMs(), 0, 0, cuts);
    }

    private void endCall(String callId, CallState call) {
        audio.finish(callId, call, context().currentSystemTimeMs());
        stores.ended.put(callId, context().currentSystemTimeMs());
        meters.callEnded();
        LOG.debug("Call {} ended after {} chunks", callId, call.nextSeq());
    }

    /** The missing chunks are given up on: the call carries on from its lowest early chunk. */
    private void skipGap(String callId, CallState call) {
        List<KeyValue<String, byte[]>> early = stores.earlyChunks(callId);
        if (early.isEmpty()) {
            stores.calls.put(callId, call.stopWaiting());
            return;
        }
        long seq = SegmenterStores.seqOf(early.get(0).key);
        LOG.info("Call {}: chunks {} to {} did not arrive; carrying on from {}", callId, call.nextSeq(), seq - 1,
                seq);
        take(callId, call.skippingTo(seq), takeEarly(callId, seq).orElseThrow());
    }

    private void onWallClock(long now) {
        List<KeyValue<String, CallState>> calls = new ArrayList<>();
        try (KeyValueIterator<String, CallState> all = stores.calls.all()) {
            all.forEachRemaining(calls::add);
        }
        for (KeyValue<String, CallState> entry : calls) {
            CallState call = entry.value;
            if (call.waitingSinceMs() > 0 && now - witnessedSince(call.waitingSinceMs()) >= settings.gapTimeoutMs()) {
                skipGap(entry.key, call);
            } else if (now - witnessedSince(call.lastChunkWallMs()) >= settings.inactivityTimeoutMs()) {
                LOG.info("Call {} sent nothing for {} ms; ending it", entry.key,
                        now - witnessedSince(call.lastChunkWallMs()));
                endCall(entry.key, call);
            }
        }
        forgetEndedCalls(now);
        deadLetterLog.flush();
    }

    /**
     * The start of a wait as this processor saw it: a wait begun before the processor started (state restored after a
     * crash, a rebalance, a stop) counts from its start, since the chunks that ended it may be waiting in the input,
     * unread; judged by the stored time alone, a restart after an outage would end every live call.
     */
    private long witnessedSince(long storedMs) {
        return Math.max(storedMs, startedMs);
    }

    private void forgetEndedCalls(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = stores.ended.all()) {
            all.forEachRemaining(entry -> {
                if (now - entry.value >= settings.endedCallRetentionMs()) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(stores.ended::delete);
    }

    private void emitWindow(AudioWindow window) {
        context().forward(new Record<>(window.getCallId(), window, context().currentSystemTimeMs()),
                SegmenterTopology.WINDOWS_SINK);
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String message,
                            Throwable failure) {
        long now = context().currentSystemTimeMs();
        RecordMetadata metadata = context().recordMetadata().orElse(null);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        RecordSource source = new RecordSource(settings.audioTopic(), metadata == null ? -1 : metadata.partition(),
                metadata == null ? -1 : metadata.offset(), record.key(), key, record.value(), now);
        DeadLetter letter = DeadLetters.of(source, Segmenter.ROLE, reason, message, failure);
        context().forward(new Record<>(record.key(), letter, now), SegmenterTopology.DEAD_LETTER_SINK);
        meters.deadLetter(reason);
        deadLetterLog.rejected(letter, null);
    }
}
