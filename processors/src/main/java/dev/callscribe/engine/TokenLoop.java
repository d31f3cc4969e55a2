package dev.callscribe.engine;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.result.DecodedToken;
import dev.callscribe.engine.rules.LogProbs;
import dev.callscribe.engine.rules.LogitRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoding loop of one batch at one temperature (openai/whisper's {@code DecodingTask._main_loop}): logits,
 * rules, choose, stop. A row stops at end-of-text or at the token budget; a stopped row keeps feeding end-of-text
 * until every row has stopped, because the rows of a batch share each decoder run.
 */
final class TokenLoop {

    /** What the loop needs to know about the prompt and the vocabulary. */
    record Setup(LogitRule rules, int endOfText, int noSpeech, int startOfTranscriptIndex, int budget) {
    }

    private final Setup setup;

    TokenLoop(Setup setup) {
        this.setup = setup;
    }

    List<RowDecode> run(DecodeSession session, long[][] prompt, List<Sampler> samplers) throws OrtException {
        int batch = prompt.length;
        Rows rows = new Rows(batch);
        Logits logits = session.prefill(prompt);
        for (int row = 0; row < batch; row++) {
            rows.noSpeech[row] = LogProbs.probabilityOf(logits.row(row, setup.startOfTranscriptIndex()),
                    setup.noSpeech());
        }
        for (int step = 0; step < setup.budget(); step++) {
            long[] next = chooseNext(logits, rows, samplers);
            if (rows.allDone() || step == setup.budget() - 1) {
                break;
            }
            logits = session.step(next);
        }
        return rows.results();
    }

    private long[] chooseNext(Logits logits, Rows rows, List<Sampler> samplers) {
        long[] next = new long[rows.done.length];
        for (int row = 0; row < next.length; row++) {
            if (rows.done[row]) {
                next[row] = setup.endOfText();
                continue;
            }
            int[] sampled = rows.sampledIds(row);
            float[] rowLogits = logits.lastRow(row);
            setup.rules().apply(rowLogits, sampled);
            int token = samplers.get(row).choose(rowLogits);
            rows.accept(row, token, (float) LogProbs.logProbOf(rowLogits, token), setup.endOfText());
            next[row] = token;
        }
        return next;
    }

    /** The per-row state of the loop. */
    private static final class Rows {
        final boolean[] done;
        final double[] noSpeech;
        final double[] sumLogProb;
        final int[] steps;
        final List<List<DecodedToken>> tokens = new ArrayList<>();

        Rows(int batch) {
            done = new boolean[batch];
            noSpeech = new double[batch];
            sumLogProb = new double[batch];
            steps = new int[batch];
            for (int row = 0; row < batch; row++) {
                tokens.add(new ArrayList<>());
            }
        }

        int[] sampledIds(int row) {
            return tokens.get(row).stream().mapToInt(DecodedToken::id).toArray();
        }

        void accept(int row, int token, float logProb, int endOfText) {
            sumLogProb[row] += logProb;
            steps[row]++;
            if (token == endOfText) {
                done[row] = true;
            } else {
                tokens.get(row).add(new DecodedToken(token, logProb));
            }
        }

        boolean allDone() {
            for (boolean rowDone : done) {
                if (!rowDone) {
                    return false;
                }
            }
            return true;
        }

        List<RowDecode> results() {
            List<RowDecode> results = new ArrayList<>();
            for (int row = 0; row < done.length; row++) {
                results.add(new RowDecode(tokens.get(row), sumLogProb[row], noSpeech[row], steps[row]));
            }
            return results;
        }
    }
}
