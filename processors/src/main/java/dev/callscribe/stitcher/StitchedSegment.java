package dev.callscribe.stitcher;

/**
 * A settled segment as the stitcher keeps it: on the call timeline, with the quality signals of the window that
 * settled it (the merge does not keep per-token probabilities across windows).
 *
 * @param startMs start, ms from the call's start
 * @param endMs end, ms from the call's start
 * @param text the segment's text
 * @param avgLogProb average log-probability of the settling window
 * @param noSpeechProb no-speech probability of the settling window
 */
record StitchedSegment(long startMs, long endMs, String text, double avgLogProb, double noSpeechProb) {
}
