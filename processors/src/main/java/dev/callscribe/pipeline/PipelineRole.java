package dev.callscribe.pipeline;

/**
 * One role of the pipeline (segmenter, transcriber, stitcher) as the {@code run} command starts it. A role owns its
 * Kafka clients and threads from {@link #start()} to {@link #close()}.
 */
public interface PipelineRole extends AutoCloseable {

    /** The role's name as configured and logged, for example {@code transcriber}. */
    String name();

    /** Starts the role's threads and returns; idempotent failures are reported by {@link #isHealthy()}. */
    void start();

    /** Whether the role is doing its work (for the readiness endpoint): started, assigned, not rebalancing. */
    boolean isReady();

    /** Whether the role is alive (for the liveness endpoint): false once it has failed for good. */
    boolean isHealthy();

    /**
     * After {@link #close()}: whether the role stopped cleanly, having finished or given up its work in flight as
     * documented and closed its clients within their time limits. A role that failed, or whose threads were still
     * running when close gave up waiting, did not. Before close, true.
     */
    default boolean stoppedCleanly() {
        return true;
    }

    /** Stops the role gracefully: finishes or aborts work in flight, commits what is done, closes its clients. */
    @Override
    void close();
}
