package dev.callscribe.stitcher;

/**
 * Running figures of one channel, for the per-call latency metric.
 *
 * @param windows windows stitched
 * @param audioEndMs end of the latest window on the call timeline
 * @param speechMs speech in the windows, by voice activity detection
 * @param modelMs each window's share of its batch's feature, encoder and decoder time, summed
 * @param lastCapturedAtMs capture time of the newest audio stitched
 * @param language the language of the latest window with text
 * @param modelId the model of the latest window
 * @param speaker the channel's speaker label
 */
record ChannelTotals(long windows, long audioEndMs, long speechMs, double modelMs, long lastCapturedAtMs,
                     String language, String modelId, String speaker) {

    static ChannelTotals none() {
        return new ChannelTotals(0, 0, 0, 0, 0, null, "", "");
    }
}
