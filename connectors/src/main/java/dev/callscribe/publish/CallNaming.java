package dev.callscribe.publish;

/**
 * How the calls of one publish run are named. Call ids must be unique across runs: the pipeline drops a chunk whose
 * call id and seq it has already seen, so a rerun under old ids would be discarded as duplicates.
 *
 * <p>A single call is named {@code callId}, or after its file plus the run tag
 * ({@code northwind-call-3f9a1c2e}). When a run publishes several calls, each id gets a number, 1-based and
 * zero-padded to four digits: {@code callId-0001}, {@code callId-0002}, ... or {@code <file>-<tag>-0001}, ...
 *
 * @param callId the id of the call, or the base of numbered ids; null to name calls after their recordings
 * @param runTag appended to recording names when {@code callId} is null; ignored otherwise
 */
public record CallNaming(String callId, String runTag) {

    /** Checks that the id, when given, is not blank, and that a run tag is there when it is not. */
    public CallNaming {
        if (callId != null && callId.isBlank()) {
            throw new IllegalArgumentException("a call id must not be blank");
        }
        if (callId == null && (runTag == null || runTag.isBlank())) {
            throw new IllegalArgumentException("calls named after their recordings need a run tag");
        }
    }

    /** Calls named {@code callId}, or {@code callId-0001}, ... when there are several. */
    public static CallNaming fixed(String callId) {
        return new CallNaming(callId, null);
    }

    /** Calls named after their recordings plus {@code runTag}, numbered when there are several. */
    public static CallNaming afterRecordings(String runTag) {
        return new CallNaming(null, runTag);
    }

    /**
     * The id of call {@code index} (0-based) of {@code total}, replaying {@code recording}.
     */
    public String idOf(Recording recording, int index, int total) {
        String base = callId != null ? callId : recording.stem() + "-" + runTag;
        return total == 1 ? base : String.format("%s-%04d", base, index + 1);
    }
}
