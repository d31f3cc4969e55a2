package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.DeadLetters;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import dev.callscribe.pipeline.RegistryFailures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
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

    private final Deserializer<AudioChunk> chunks;
    private final SegmenterSettings settings;
    private final SegmenterMeters meters;
    private final DeadLetterLog deadLetterLog;
    private SegmenterStores stores;
    private CallAudio audio;

    SegmentProcessor(Deserializer<AudioChunk> chunks, SegmenterSettings settings, SegmenterMeters meters,
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
        Optional<AudioChunk> chunk = decode(record);
        if (chunk.isEmpty()) {
            return;
        }
        Optional<CallState> call = stores.call(record.key());
        Optional<ChunkRejection> rejection = settings.validator().check(record.key(), chunk.get(),
                call.orElse(null));
        if (rejection.isEmpty() && call.isPresent()) {
            rejection = checkGap(call.get(), chunk.get());
        }
        if (rejection.isPresent()) {
            deadLetter(record, rejection.get().reason(), rejection.get().message(), null);
            return;
        }
        order(record, chunk.get(), call.orElseGet(() -> startCall(chunk.get())));
    }

    /** A chunk that would open a gap longer than the longest one filled with silence is refused. */
    private Optional<ChunkRejection> checkGap(CallState call, AudioChunk chunk) {
        long gapMs = call.format().millis(chunk.getOffsetFrames() - call.nextFrame());
        if (gapMs <= settings.maxGapMs()) {
            return Optional.empty();
        }
        return Optional.of(new ChunkRejection(DeadLetterReason.INVALID_CHUNK, "offsetFrames "
                + chunk.getOffsetFrames() + " leaves a gap of " + gapMs + " ms after the call's audio so far; at "
                + "most " + settings.maxGapMs() + " ms is filled"));
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
        return Optional.of(chunks.deserialize(settings.audioTopic(), bytes));
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
            if (call.waitingSinceMs() > 0 && now - call.waitingSinceMs() >= settings.gapTimeoutMs()) {
                skipGap(entry.key, call);
            } else if (now - call.lastChunkWallMs() >= settings.inactivityTimeoutMs()) {
                LOG.info("Call {} sent nothing for {} ms; ending it", entry.key, now - call.lastChunkWallMs());
                endCall(entry.key, call);
            }
        }
        forgetEndedCalls(now);
        deadLetterLog.flush();
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

    private Optional<AudioChunk> decode(Record<String, byte[]> record) {
        try {
            AudioChunk chunk = chunks.deserialize(settings.audioTopic(), record.value());
            if (chunk == null) {
                throw new IllegalArgumentException("a null (tombstone) value is not an audio chunk");
            }
            return Optional.of(chunk);
        } catch (RuntimeException e) {
            if (RegistryFailures.isRegistryOutage(e)) {
                // Nothing wrong with the chunk: the role stops (see DeadLetteringExceptionHandler) and reads it again
                // from its last commit once restarted, instead of losing it to the dead-letter topic.
                throw e;
            }
            DeadLetterReason reason = RegistryFailures.isUnknownSchema(e) ? DeadLetterReason.UNKNOWN_SCHEMA_ID
                    : DeadLetterReason.UNDECODABLE_RECORD;
            deadLetter(record, reason, "Cannot read an audio chunk: " + e.getMessage(), e);
            return Optional.empty();
        }
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
