package dev.callscribe.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.callscribe.engine.quality.QualitySignals;
import dev.callscribe.engine.rules.LogitRule;
import dev.callscribe.model.WhisperModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decodes a batch with openai/whisper's temperature fallback: every window is decoded at the first temperature;
 * the windows whose decode fails the fallback policy (too repetitive, too unsure, and not silence) are decoded
 * again, together, at the next temperature, and so on; the last temperature's decode is accepted as it is.
 */
final class FallbackDecoder {

    private final OrtSessions sessions;
    private final CacheShape cache;
    private final WhisperModel model;
    private final boolean kvCache;

    FallbackDecoder(OrtSessions sessions, CacheShape cache, WhisperModel model, boolean kvCache) {
        this.sessions = sessions;
        this.cache = cache;
        this.model = model;
        this.kvCache = kvCache;
    }

    /** The accepted attempt of each row of {@code hidden}, in row order. */
    List<Attempt> decode(OnnxTensor hidden, List<Prompts.Prompt> prompts, DecodingOptions options)
            throws OrtException {
        int batch = prompts.size();
        Attempt[] accepted = new Attempt[batch];
        int[] steps = new int[batch];
        int[] pending = IntStream.range(0, batch).toArray();
        List<Double> temperatures = options.temperatures();
        for (int i = 0; i < temperatures.size() && pending.length > 0; i++) {
            boolean lastChance = i == temperatures.size() - 1;
            List<RowDecode> decodes = decodeRows(hidden, pending, prompts, temperatures.get(i), options);
            List<Integer> retry = new ArrayList<>();
            for (int k = 0; k < pending.length; k++) {
                int row = pending[k];
                steps[row] += decodes.get(k).steps();
                Attempt attempt = assess(decodes.get(k), temperatures.get(i), steps[row]);
                if (lastChance || !options.fallback().needsFallback(attempt.signals())) {
                    accepted[row] = attempt;
                } else {
                    retry.add(row);
                }
            }
            pending = retry.stream().mapToInt(Integer::intValue).toArray();
        }
        return List.of(accepted);
    }

    private List<RowDecode> decodeRows(OnnxTensor hidden, int[] rows, List<Prompts.Prompt> prompts,
                                       double temperature, DecodingOptions options) throws OrtException {
        boolean allRows = rows.length == prompts.size();
        OnnxTensor input = allRows ? hidden : Tensors.selectRows(sessions.env, hidden, rows);
        try (DecodeSession session = newSession(input)) {
            Prompts.Prompt first = prompts.get(rows[0]);
            long[][] prompt = IntStream.of(rows).mapToObj(row -> prompts.get(row).tokens()).toArray(long[][]::new);
            TokenLoop loop = new TokenLoop(setup(first, options));
            List<Sampler> samplers = IntStream.range(0, rows.length)
                    .mapToObj(k -> new Sampler(temperature, options.seed())).toList();
            return loop.run(session, prompt, samplers);
        } finally {
            if (!allRows) {
                input.close();
            }
        }
    }

    private TokenLoop.Setup setup(Prompts.Prompt prompt, DecodingOptions options) {
        LogitRule rules = DecodingRules.forModel(model, options);
        int budget = Math.min(options.maxNewTokens(), model.config().maxTargetPositions() - prompt.tokens().length);
        return new TokenLoop.Setup(rules, model.specialTokens().endOfText(), model.specialTokens().noSpeech(),
                prompt.startOfTranscriptIndex(), budget);
    }

    private DecodeSession newSession(OnnxTensor hidden) {
        return kvCache
                ? new CachedDecodeSession(sessions.env, sessions.decoder, cache, hidden)
                : new RecomputingDecodeSession(sessions.env, sessions.decoder, cache, hidden);
    }

    private Attempt assess(RowDecode decode, double temperature, int totalSteps) {
        String text = model.tokenizer().decode(decode.tokenIds());
        QualitySignals signals = new QualitySignals(
                QualitySignals.averageLogProb(decode.sumLogProb(), decode.tokens().size()),
                decode.noSpeechProb(),
                QualitySignals.compressionRatio(text));
        return new Attempt(decode, signals, text, temperature, totalSteps);
    }
}
