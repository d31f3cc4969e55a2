package dev.callscribe.tail;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells when a call is finished for a follower: its combined FINAL transcript was read and, when metrics are
 * followed, its CALL metric too. The two live on different topics, so either may arrive first. Not thread-safe;
 * one follower loop owns it.
 */
final class CallCompletion {

    /**
     * Calls with one part read and the other still awaited, at most. A part whose partner never comes (the follower
     * started between them) would otherwise stay forever; the oldest such call is forgotten first.
     */
    static final int MAX_PENDING_CALLS = 10_000;

    private enum Part { COMBINED_FINAL, CALL_METRIC }

    private final Set<Part> required;
    private final Map<String, Set<Part>> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<Part>> eldest) {
            return size() > MAX_PENDING_CALLS;
        }
    };

    /** @param metricsFollowed whether a call also needs its CALL metric to be finished */
    CallCompletion(boolean metricsFollowed) {
        this.required = metricsFollowed ? EnumSet.allOf(Part.class) : EnumSet.of(Part.COMBINED_FINAL);
    }

    /** Records an event; true when it is the one that finishes its call. */
    boolean finishes(TailEvent event) {
        Part part = partOf(event);
        if (part == null || !required.contains(part)) {
            return false;
        }
        Set<Part> seen = pending.computeIfAbsent(event.callId(), call -> EnumSet.noneOf(Part.class));
        seen.add(part);
        if (seen.containsAll(required)) {
            pending.remove(event.callId());
            return true;
        }
        return false;
    }

    /** Calls waiting for their other part; for tests. */
    int pendingCalls() {
        return pending.size();
    }

    private static Part partOf(TailEvent event) {
        if (event instanceof TailEvent.OfTranscript transcript && transcript.isCombinedFinal()) {
            return Part.COMBINED_FINAL;
        }
        if (event instanceof TailEvent.OfMetric metric && metric.isCallSummary()) {
            return Part.CALL_METRIC;
        }
        return null;
    }
}
