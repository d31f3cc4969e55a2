package dev.callscribe.stitcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The final state of every channel of a call, read when the last channel finishes. */
record CallFinals(String callId, Map<Integer, ChannelProgress> channels) {

    static CallFinals read(StitcherStores stores, String callId, int channelCount) {
        Map<Integer, ChannelProgress> channels = new TreeMap<>();
        for (int channel = 0; channel < channelCount; channel++) {
            ChannelProgress progress = stores.channels.get(StitcherStores.channelKey(callId, channel));
            if (progress != null) {
                channels.put(channel, progress);
            }
        }
        return new CallFinals(callId, channels);
    }

    Collection<ChannelTotals> totals() {
        List<ChannelTotals> totals = new ArrayList<>();
        channels.values().forEach(progress -> totals.add(progress.totals()));
        return totals;
    }

    /** Drops the channels' state: the call is over, and only its small CallProgress is kept for a while. */
    void forget(StitcherStores stores) {
        channels.keySet().forEach(channel -> stores.channels.delete(StitcherStores.channelKey(callId, channel)));
    }
}
