package dev.callscribe.publish;

import dev.callscribe.avro.CallMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which calls a publish run sends and what they carry: {@code calls} calls, call {@code i} replaying recording
 * {@code i mod n} of the {@code n} given, so one file can stand for many concurrent calls (a load generator) and
 * several files take turns. Calls replaying one recording share its payload; nothing is copied per call.
 *
 * @param calls how many calls to publish, at least 1 and at least the number of recordings
 * @param naming how the calls are named
 * @param speakers a speaker label per channel, the same on every call; or null for the pipeline's default
 * @param metadata sent on the first chunk of every call; or null
 * @param chunkLength how much audio each chunk holds (the last of a call may hold less)
 */
public record CallPlan(int calls, CallNaming naming, List<String> speakers, CallMetadata metadata,
                       Duration chunkLength) {

    /** Checks the counts and the chunk length. */
    public CallPlan {
        if (calls < 1) {
            throw new IllegalArgumentException("the number of calls must be at least 1, got " + calls);
        }
        Objects.requireNonNull(naming, "naming");
        if (chunkLength == null || chunkLength.isNegative() || chunkLength.isZero()) {
            throw new IllegalArgumentException("chunk length must be positive, got " + chunkLength);
        }
        speakers = speakers == null ? null : List.copyOf(speakers);
    }

    /**
     * One chunker per call, in call order.
     *
     * @throws IllegalArgumentException if there are fewer calls than recordings, if the speaker labels do not match
     *         a recording's channel count, or if the chunk length is shorter than one frame of a recording
     */
    public List<CallChunker> chunkers(List<Recording> recordings) {
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no recordings to publish");
        }
        if (calls < recordings.size()) {
            throw new IllegalArgumentException(calls + " call(s) cannot replay " + recordings.size()
                    + " recordings; publish at least as many calls as recordings");
        }
        recordings.forEach(this::checkSpeakers);
        List<CallChunker> chunkers = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Recording recording = recordings.get(i % recordings.size());
            CallInfo call = new CallInfo(naming.idOf(recording, i, calls), speakers, metadata);
            chunkers.add(new CallChunker(call, recording.audio(), chunkLength));
        }
        return chunkers;
    }

    private void checkSpeakers(Recording recording) {
        if (speakers != null && speakers.size() != recording.audio().channels()) {
            throw new IllegalArgumentException(recording.name() + " has " + recording.audio().channels()
                    + " channel(s) but " + speakers.size() + " speaker label(s) were given " + speakers
                    + "; give one label per channel");
        }
    }
}
