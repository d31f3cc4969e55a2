package dev.callscribe.publish;

/** When a publisher sends each chunk. */
public enum Pacing {

    /**
     * Every chunk as soon as the producer takes it: replaying recordings, filling a topic for a test or a benchmark.
     * A chunk's {@code capturedAt} is the time it is sent.
     */
    AS_FAST_AS_POSSIBLE,

    /**
     * Each chunk when its audio would have finished being captured had the call started when publishing started:
     * chunk {@code k} at start + the end of its audio in the call. Simulates live calls; {@code capturedAt} is that
     * moment, so the pipeline's end-to-end latency is measured as for a live call.
     */
    REALTIME
}
