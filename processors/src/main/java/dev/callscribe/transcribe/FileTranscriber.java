package dev.callscribe.transcribe;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.DecodingOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.engine.result.WindowResult;
import dev.callscribe.longform.AudioChunker;
import dev.callscribe.longform.AudioWindow;
import dev.callscribe.longform.ChunkMerger;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.longform.TokenVocabulary;
import dev.callscribe.longform.WindowTokens;
import dev.callscribe.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transcribes whole recordings without Kafka, with the Distil-Whisper chunked long-form algorithm: every channel is
 * cut into overlapping windows, windows of all channels are decoded in batches together, and each channel's windows
 * are merged into one transcript on its timeline. The streaming pipeline uses the same windows and merge, so the two
 * agree on the same audio and settings.
 */
public final class FileTranscriber {

    /** A window of one channel waiting for its batch. */
    private record PendingWindow(int channelIndex, AudioWindow window, float[] samples) {
    }

    private final WhisperEngine engine;
    private final AudioChunker chunker;
    private final DecodingOptions decoding;
    private final int batchSize;
    private final ChunkMerger merger;

    /**
     * @param engine the engine, used from this thread only while transcribing
     * @param chunking window and overlap lengths
     * @param decoding decoding options for every window
     * @param batchSize windows per engine call
     */
    public FileTranscriber(WhisperEngine engine, ChunkingOptions chunking, DecodingOptions decoding, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.engine = engine;
        this.chunker = new AudioChunker(chunking, AudioFiles.MODEL_SAMPLE_RATE);
        this.decoding = decoding;
        this.batchSize = batchSize;
        WhisperTokenizer tokenizer = engine.model().tokenizer();
        this.merger = new ChunkMerger(TokenVocabulary.whisper(tokenizer.timestampBegin(), tokenizer::isSpecial),
                AudioFiles.MODEL_SAMPLE_RATE, tokenizer::decode);
    }

    /** The transcript of every channel, in input order. */
    public List<ChannelTranscript> transcribe(List<ChannelAudio> channels) throws OrtException {
        List<PendingWindow> pending = windowsOf(channels);
        List<WindowResult> results = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<PendingWindow> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
            results.addAll(engine.transcribe(batch.stream().map(PendingWindow::samples).toList(), decoding));
        }
        return mergePerChannel(channels, pending, results);
    }

    private List<PendingWindow> windowsOf(List<ChannelAudio> channels) {
        List<PendingWindow> pending = new ArrayList<>();
        for (int index = 0; index < channels.size(); index++) {
            float[] samples = channels.get(index).samples();
            for (AudioWindow window : chunker.windows(samples.length)) {
                int start = (int) window.startSample();
                pending.add(new PendingWindow(index, window,
                        Arrays.copyOfRange(samples, start, start + window.lengthSamples())));
            }
        }
        return pending;
    }

    private List<ChannelTranscript> mergePerChannel(List<ChannelAudio> channels, List<PendingWindow> pending,
                                                    List<WindowResult> results) {
        List<ChannelTranscript> transcripts = new ArrayList<>();
        for (int index = 0; index < channels.size(); index++) {
            List<WindowTokens> windows = new ArrayList<>();
            String language = null;
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).channelIndex() == index) {
                    windows.add(new WindowTokens(pending.get(i).window(), results.get(i).tokenIds()));
                    language = language != null ? language : results.get(i).language();
                }
            }
            ChannelAudio audio = channels.get(index);
            long durationMs = audio.samples().length * 1000L / AudioFiles.MODEL_SAMPLE_RATE;
            transcripts.add(new ChannelTranscript(audio.source(), audio.channel(), language, durationMs,
                    merger.mergeAll(windows)));
        }
        return transcripts;
    }
}
