package dev.callscribe.it.support;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import java.util.List;
import java.util.Objects;

/** Every transcript the pipeline committed, looked up by call and channel. */
public record CallTranscripts(List<Transcript> all) {

    /** The FINAL of one channel of a call; fails if there is none. */
    public Transcript channelFinal(String callId, int channel) {
        return finalOf(callId, channel);
    }

    /** The combined FINAL of a call (its channel is null); fails if there is none. */
    public Transcript combinedFinal(String callId) {
        return finalOf(callId, null);
    }

    private Transcript finalOf(String callId, Integer channel) {
        return all.stream().filter(t -> t.getCallId().equals(callId) && t.getKind() == TranscriptKind.FINAL
                        && Objects.equals(t.getChannel(), channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no FINAL for call " + callId + " channel " + channel));
    }
}
