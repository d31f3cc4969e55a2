package dev.callscribe.transcriber;

import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DecodingInfo;
import dev.callscribe.avro.InferenceTimings;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.avro.WindowToken;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.result.BatchTimings;
import dev.callscribe.engine.result.DecodedToken;
import dev.callscribe.engine.result.Segment;
import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.tokenizer.WhisperTokenizer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link WindowTranscript} of a window: its placement copied from the {@link AudioWindow}, the engine's
 * tokens (each with its UTF-8 bytes, timestamps with their time in the window), segments moved onto the call's
 * timeline, the quality signals, and how and when it was made. Stateless apart from its fixed inputs; thread-safe.
 */
final class WindowTranscripts {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private final WhisperTokenizer tokenizer;
    private final String modelId;
    private final DecodingOptions decoding;
    private final String defaultLanguage;

    /**
     * @param tokenizer the model's tokenizer, for token bytes and timestamp times
     * @param modelId the model's id as {@code DecodingInfo.modelId}
     * @param decoding the options windows are decoded with
     * @param multilingual whether the model is multilingual (an English-only model decodes in English)
     */
    WindowTranscripts(WhisperTokenizer tokenizer, String modelId, DecodingOptions decoding, boolean multilingual) {
        this.tokenizer = tokenizer;
        this.modelId = modelId;
        this.decoding = decoding;
        this.defaultLanguage = multilingual ? decoding.language() : "en";
    }

    /** The transcript of a window the engine decoded. */
    WindowTranscript transcribed(AudioWindow window, WindowResult result, EngineRun run, int audioSamples) {
        BatchTimings timings = result.timings();
        InferenceTimings inference = InferenceTimings.newBuilder()
                .setBatchSize(run.batchSize())
                .setQueueWaitMs(run.queueWaitMs(window.getEmittedAt()))
                .setFeatureMs(run.prepareMs() + timings.featureMs())
                .setEncoderMs(timings.encoderMs())
                .setDecoderMs(timings.decoderMs())
                .setDecodeSteps(result.decodeSteps())
                .build();
        return placed(window, audioSamples)
                .setText(result.text())
                .setTokens(tokens(result.tokens()))
                .setSegments(segments(window.getStartMs(), result))
                .setLanguage(result.language() != null ? result.language() : defaultLanguage)
                .setAvgLogProb(result.signals().avgLogProb())
                .setNoSpeechProb(result.signals().noSpeechProb())
                .setCompressionRatio(result.signals().compressionRatio())
                .setNoSpeech(result.silence())
                .setDecoding(decodingInfo(result.temperature()))
                .setTimings(inference)
                .setTranscribedAt(run.finishedAt())
                .build();
    }

    /**
     * The transcript of a window without audio (an end-of-channel marker, or a window the segmenter found silent):
     * no text, judged silent, no engine call, so the batch timings are zero; the queue wait runs to {@code now}.
     */
    WindowTranscript empty(AudioWindow window, Instant now) {
        InferenceTimings none = InferenceTimings.newBuilder()
                .setBatchSize(0)
                .setQueueWaitMs(Math.max(0, now.toEpochMilli() - window.getEmittedAt().toEpochMilli()))
                .setFeatureMs(0)
                .setEncoderMs(0)
                .setDecoderMs(0)
                .setDecodeSteps(0)
                .build();
        return placed(window, 0)
                .setText("")
                .setTokens(List.of())
                .setSegments(List.of())
                .setLanguage(window.getLanguageHint() != null ? window.getLanguageHint() : defaultLanguage)
                .setAvgLogProb(0)
                .setNoSpeechProb(1)
                .setCompressionRatio(0)
                .setNoSpeech(true)
                .setDecoding(decodingInfo(0))
                .setTimings(none)
                .setTranscribedAt(now)
                .build();
    }

    /** The window's own length when it says (an empty window keeps its length), else its audio's. */
    private static int durationMs(AudioWindow window, int audioSamples) {
        if (window.getDurationMs() > 0) {
            return window.getDurationMs();
        }
        return (int) Math.round(audioSamples * MILLIS_PER_SECOND / StreamingResampler.OUTPUT_RATE_HZ);
    }

    /** A builder with every field that comes from the window itself. */
    private static WindowTranscript.Builder placed(AudioWindow window, int audioSamples) {
        return WindowTranscript.newBuilder()
                .setCallId(window.getCallId())
                .setChannel(window.getChannel())
                .setChannels(window.getChannels())
                .setSpeaker(window.getSpeaker())
                .setWindowIndex(window.getWindowIndex())
                .setMode(window.getMode())
                .setStartMs(window.getStartMs())
                .setDurationMs(durationMs(window, audioSamples))
                .setStrideLeftMs(window.getStrideLeftMs())
                .setStrideRightMs(window.getStrideRightMs())
                .setSpeechMs(window.getSpeechMs())
                .setLast(window.getLast())
                .setCapturedAt(window.getCapturedAt())
                .setWindowEmittedAt(window.getEmittedAt());
    }

    private DecodingInfo decodingInfo(double temperature) {
        return DecodingInfo.newBuilder()
                .setModelId(modelId)
                .setTask(decoding.task())
                .setTemperature(temperature)
                .setTimestamps(decoding.timestamps())
                .setMaxNewTokens(decoding.maxNewTokens())
                .build();
    }

    private List<WindowToken> tokens(List<DecodedToken> decoded) {
        List<WindowToken> tokens = new ArrayList<>(decoded.size());
        for (DecodedToken token : decoded) {
            boolean timestamp = tokenizer.isTimestamp(token.id());
            tokens.add(WindowToken.newBuilder()
                    .setId(token.id())
                    .setBytes(ByteBuffer.wrap(tokenizer.tokenBytes(token.id())))
                    .setTimeMs(timestamp ? millis(tokenizer.timestampSeconds(token.id())) : null)
                    .setLogProb(token.logProb())
                    .build());
        }
        return tokens;
    }

    private List<TranscriptSegment> segments(long windowStartMs, WindowResult result) {
        List<Segment> segments = result.segments();
        List<Double> confidences = SegmentConfidence.averageLogProbs(result.tokens(), tokenizer.timestampBegin(),
                segments.size());
        List<TranscriptSegment> placed = new ArrayList<>(segments.size());
        for (int index = 0; index < segments.size(); index++) {
            Segment segment = segments.get(index);
            placed.add(TranscriptSegment.newBuilder()
                    .setStartMs(windowStartMs + millis(segment.startSeconds()))
                    .setEndMs(windowStartMs + millis(segment.endSeconds()))
                    .setText(segment.text())
                    .setAvgLogProb(confidences.get(index))
                    .setNoSpeechProb(result.signals().noSpeechProb())
                    .build());
        }
        return placed;
    }

    private static int millis(double seconds) {
        return (int) Math.round(seconds * MILLIS_PER_SECOND);
    }
}
