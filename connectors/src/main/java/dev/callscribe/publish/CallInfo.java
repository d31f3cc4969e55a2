package dev.callscribe.publish;

import dev.callscribe.avro.CallMetadata;
import java.util.List;

/**
 * What a publisher says about a call besides its audio.
 *
 * @param callId   the call's id: the record key and {@code callId} of every chunk
 * @param speakers a speaker label per channel (for example {@code [agent, customer]}), or null for the pipeline's
 *                 default (channel 0 agent, channel 1 customer)
 * @param metadata facts about the call (language hint, agent, queue, attributes), sent on the first chunk; or null
 */
public record CallInfo(String callId, List<String> speakers, CallMetadata metadata) {

    public CallInfo {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a call needs a non-blank id");
        }
        speakers = speakers == null ? null : List.copyOf(speakers);
    }

    /** A call with only an id: default speakers, no metadata. */
    public static CallInfo of(String callId) {
        return new CallInfo(callId, null, null);
    }

    /** The same call under another id, as a load generator replays one recording as many calls. */
    public CallInfo withCallId(String otherId) {
        return new CallInfo(otherId, speakers, metadata);
    }
}
