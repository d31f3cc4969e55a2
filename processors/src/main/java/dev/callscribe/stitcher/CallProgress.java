package dev.callscribe.stitcher;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stitcher remembers about a call across its channels (a state store value, as JSON).
 *
 * @param channels channels in the call
 * @param finishedChannels channels whose FINAL was emitted
 * @param combinedEmitted whether the combined FINAL of the whole call was emitted
 * @param finishedAtMs wall-clock time of the combined FINAL; the record is forgotten a retention period later
 */
record CallProgress(int channels, List<Integer> finishedChannels, boolean combinedEmitted, long finishedAtMs) {

    CallProgress {
        finishedChannels = List.copyOf(finishedChannels);
    }

    static CallProgress of(int channels) {
        return new CallProgress(channels, List.of(), false, 0);
    }

    CallProgress withFinished(int channel) {
        if (finishedChannels.contains(channel)) {
            return this;
        }
        List<Integer> finished = new ArrayList<>(finishedChannels);
        finished.add(channel);
        return new CallProgress(channels, finished, combinedEmitted, finishedAtMs);
    }

    boolean allFinished() {
        return finishedChannels.size() >= channels;
    }

    CallProgress combined(long nowMs) {
        return new CallProgress(channels, finishedChannels, true, nowMs);
    }
}
