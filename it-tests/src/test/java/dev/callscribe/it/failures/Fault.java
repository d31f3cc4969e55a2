package dev.callscribe.it.failures;

/** What can go wrong during a failure run. */
enum Fault {
    /** {@code kill -9} of a transcriber process; the supervisor starts it again. */
    KILL_TRANSCRIBER(true),
    /** {@code kill -9} of a segmenter,stitcher process; the supervisor starts it again. */
    KILL_STREAMS(true),
    /** The broker stopped and started again on the same port and data. */
    RESTART_BROKER(false),
    /** The Schema Registry stopped for longer than its clients retry, then started again. */
    REGISTRY_OUTAGE(false),
    /** A transcriber hung ({@code SIGSTOP}) past its transaction timeout, then continued. */
    HANG_TRANSCRIBER(false);

    private final boolean kill;

    Fault(boolean kill) {
        this.kill = kill;
    }

    /** Whether this fault is a {@code kill -9}. */
    boolean isKill() {
        return kill;
    }
}
