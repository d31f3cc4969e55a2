package dev.callscribe.transcriber;

import dev.callscribe.engine.result.DecodedToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The average log-probability of each segment's text tokens. The engine's segments are the non-empty runs of text
 * tokens between timestamp tokens, in order (openai/whisper's rule), so the runs here line up with them one to one.
 */
final class SegmentConfidence {

    private SegmentConfidence() {
    }

    /**
     * @param tokens a window's decoded tokens, timestamps included
     * @param timestampBegin the id of the first timestamp token
     * @param segments how many segments the engine made of them
     * @return one average per segment (natural log, at most 0); zeros if the runs do not line up with the segments
     */
    static List<Double> averageLogProbs(List<DecodedToken> tokens, int timestampBegin, int segments) {
        List<Double> averages = new ArrayList<>(segments);
        double sum = 0;
        int count = 0;
        for (DecodedToken token : tokens) {
            if (token.id() < timestampBegin) {
                sum += token.logProb();
                count++;
            } else if (count > 0) {
                averages.add(sum / count);
                sum = 0;
                count = 0;
            }
        }
        if (count > 0) {
            averages.add(sum / count);
        }
        return averages.size() == segments ? averages : Collections.nCopies(segments, 0.0);
    }
}
