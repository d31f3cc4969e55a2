package dev.callscribe.stitcher;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.pipeline.DeadLetterLog;
import dev.callscribe.pipeline.DeadLetters;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import dev.callscribe.pipeline.RegistryFailures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders each call and channel's window transcripts by index (keeping early arrivals in a store), stitches them in
 * order, and forwards the resulting transcripts, latency metrics and dead letters to their sinks. Values arrive as
 * bytes and are decoded here, so an undecodable record becomes a dead letter instead of stopping the stream.
 */
final class StitchProcessor extends ContextualProcessor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(StitchProcessor.class);

    private final Deserializer<WindowTranscript> windows;
    private final StitcherSettings settings;
    private final StitcherMeters meters;
    private final DeadLetterLog deadLetterLog;
    private StitcherStores stores;
    /** Wall-clock time this processor started: waits are not judged on time it did not see. */
    private long startedMs;

    StitchProcessor(Deserializer<WindowTranscript> windows, StitcherSettings settings, StitcherMeters meters,
                    DeadLetterLog deadLetterLog) {
        this.windows = windows;
        this.settings = settings;
        this.meters = meters;
        this.deadLetterLog = deadLetterLog;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new StitcherStores(context.getStateStore(StitcherStores.CHANNELS),
                context.getStateStore(StitcherStores.PENDING), context.getStateStore(StitcherStores.CALLS));
        startedMs = context.currentSystemTimeMs();
        context.schedule(Duration.ofMillis(settings.punctuationIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                this::onWallClock);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<WindowTranscript> window = decode(record);
        if (window.isEmpty()) {
            return;
        }
        WindowTranscript transcript = window.get();
        CallProgress call = stores.calls.get(transcript.getCallId());
        if (call != null && call.combinedEmitted()) {
            meters.late();
            LOG.debug("Window {} of call {} arrived after its FINAL; ignored", transcript.getWindowIndex(),
                    transcript.getCallId());
            return;
        }
        accept(transcript, record.value());
    }

    private void accept(WindowTranscript window, byte[] bytes) {
        String channelKey = StitcherStores.channelKey(window.getCallId(), window.getChannel());
        ChannelProgress progress = Optional.ofNullable(stores.channels.get(channelKey))
                .orElseGet(ChannelProgress::start);
        long now = context().currentSystemTimeMs();
        if (window.getWindowIndex() < progress.nextIndex()) {
            meters.duplicate();
        } else if (window.getWindowIndex() > progress.nextIndex()) {
            stores.pending.put(StitcherStores.pendingKey(channelKey, window.getWindowIndex()), bytes);
            stores.channels.put(channelKey, progress.waitingSinceMs() > 0 ? progress : progress.waitingSince(now));
        } else {
            stitchInOrder(channelKey, progress, window);
        }
    }

    /** Stitches the window, then every pending window that now follows in order. */
    private void stitchInOrder(String channelKey, ChannelProgress progress, WindowTranscript first) {
        WindowTranscript window = first;
        ChannelProgress current = progress;
        while (window != null) {
            current = stitch(current, window);
            window = current.finished() ? null : stores.takePending(channelKey, current.nextIndex())
                    .map(bytes -> windows.deserialize(settings.windowTranscriptsTopic(), bytes)).orElse(null);
        }
        boolean stillWaiting = !current.finished() && stores.lowestPending(channelKey).isPresent();
        long now = context().currentSystemTimeMs();
        stores.channels.put(channelKey, current.waitingSince(stillWaiting ? now : 0));
    }

    private ChannelProgress stitch(ChannelProgress progress, WindowTranscript window) {
        long now = context().currentSystemTimeMs();
        ChannelStitcher.Outcome outcome = ChannelStitcher.stitch(progress, window, now);
        forward(StitcherTopology.TRANSCRIPTS_SINK, window.getCallId(), outcome.transcript(), now);
        forward(StitcherTopology.METRICS_SINK, window.getCallId(), outcome.metric(), now);
        meters.transcript(outcome.transcript().getKind());
        meters.endToEnd(outcome.metric().getEndToEndMs());
        if (outcome.progress().finished()) {
            stores.channels.put(StitcherStores.channelKey(window.getCallId(), window.getChannel()),
                    outcome.progress());
            onChannelFinished(window);
        }
        return outcome.progress();
    }

    private void onChannelFinished(WindowTranscript window) {
        CallProgress call = Optional.ofNullable(stores.calls.get(window.getCallId()))
                .orElseGet(() -> CallProgress.of(window.getChannels()))
                .withFinished(window.getChannel());
        if (call.allFinished() && !call.combinedEmitted()) {
            long now = context().currentSystemTimeMs();
            CallFinals finals = CallFinals.read(stores, window.getCallId(), call.channels());
            forward(StitcherTopology.TRANSCRIPTS_SINK, window.getCallId(),
                    Transcripts.combined(window.getCallId(), finals.channels(), now), now);
            forward(StitcherTopology.METRICS_SINK, window.getCallId(),
                    Metrics.ofCall(window.getCallId(), finals.totals(), now), now);
            meters.transcript(TranscriptKind.FINAL);
            finals.forget(stores);
            call = call.combined(now);
        }
        stores.calls.put(window.getCallId(), call);
    }

    private Optional<WindowTranscript> decode(Record<String, byte[]> record) {
        try {
            WindowTranscript window = windows.deserialize(settings.windowTranscriptsTopic(), record.value());
            if (window == null || window.getChannel() < 0 || window.getWindowIndex() < 0) {
                throw new IllegalArgumentException("window transcript with a negative channel or index, or none");
            }
            return Optional.of(window);
        } catch (RuntimeException e) {
            if (RegistryFailures.isRegistryOutage(e)) {
                throw e; // the window is fine: stop, and read it again from the last commit (as the segmenter does)
            }
            deadLetter(record, e);
            return Optional.empty();
        }
    }

    private void deadLetter(Record<String, byte[]> record, RuntimeException failure) {
        long now = context().currentSystemTimeMs();
        RecordMetadata metadata = context().recordMetadata().orElse(null);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        RecordSource source = new RecordSource(settings.windowTranscriptsTopic(),
                metadata == null ? -1 : metadata.partition(), metadata == null ? -1 : metadata.offset(),
                record.key(), key, record.value(), now);
        DeadLetter letter = DeadLetters.of(source, Stitcher.ROLE, DeadLetterReason.UNDECODABLE_RECORD,
                "Cannot read a window transcript: " + failure.getMessage(), failure);
        forward(StitcherTopology.DEAD_LETTER_SINK, record.key(), letter, now);
        meters.deadLetter(DeadLetterReason.UNDECODABLE_RECORD);
        deadLetterLog.rejected(letter, null);
    }

    private void forward(String sink, String key, Object value, long now) {
        context().forward(new Record<>(key, value, now), sink);
    }

    /** Stops waiting for windows that never came, and forgets long-finished calls. */
    private void onWallClock(long now) {
        for (var entry : stores.waitingChannels()) {
            // A wait begun before this processor started counts from its start: the missing window may be unread.
            if (now - Math.max(entry.value.waitingSinceMs(), startedMs) >= settings.gapTimeoutMs()) {
                stores.lowestPending(entry.key).ifPresent(index -> skipTo(entry.key, entry.value, index));
            }
        }
        for (String callId : stores.callsFinishedBefore(now - settings.finishedCallRetentionMs())) {
            stores.calls.delete(callId);
        }
        deadLetterLog.flush();
    }

    private void skipTo(String channelKey, ChannelProgress progress, long index) {
        LOG.warn("Channel {} waited {} ms for window {}; carrying on from window {}", channelKey,
                settings.gapTimeoutMs(), progress.nextIndex(), index);
        meters.gapSkipped();
        WindowTranscript window = stores.takePending(channelKey, index)
                .map(bytes -> windows.deserialize(settings.windowTranscriptsTopic(), bytes)).orElseThrow();
        ChannelProgress skipped = new ChannelProgress(index, progress.revision(), progress.merge(),
                progress.segments(), progress.tokenBytes(), progress.totals(), false, 0);
        stitchInOrder(channelKey, skipped, window);
    }
}
