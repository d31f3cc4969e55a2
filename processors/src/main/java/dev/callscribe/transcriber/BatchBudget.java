package dev.callscribe.transcriber;

/**
 * Decides how many windows one transaction may take so that its inference ends well before the consumer's poll
 * interval runs out (the transaction begins after inference, so the transaction timeout does not bound it). The
 * time per window starts at the configured estimate and then follows the measured times (an exponentially weighted
 * average), so a worker on slower hardware than assumed splits its batches instead of being thrown out of its
 * group. Not thread-safe: the worker's loop owns it.
 */
final class BatchBudget {

    /** Weight of the newest batch in the average: recent enough to follow a change, smooth enough to ignore one. */
    static final double NEW_BATCH_WEIGHT = 0.2;

    private final long budgetMs;
    private double millisPerWindow;

    BatchBudget(BatchingOptions options) {
        this.budgetMs = options.budgetMs();
        this.millisPerWindow = options.windowEstimateMs();
    }

    /**
     * The most windows of {@code available} that fit the budget at the current estimate; at least one, so the
     * worker always progresses.
     */
    int windowsThatFit(int available) {
        long fit = (long) Math.floor(budgetMs / millisPerWindow);
        return (int) Math.max(1, Math.min(available, fit));
    }

    /** Takes the measured wall time of a batch of {@code windows} into the estimate. */
    void observe(int windows, double elapsedMs) {
        if (windows < 1 || !(elapsedMs >= 0)) {
            return;
        }
        double measured = elapsedMs / windows;
        millisPerWindow = Math.max(1e-3, (1 - NEW_BATCH_WEIGHT) * millisPerWindow + NEW_BATCH_WEIGHT * measured);
    }

    /** The current estimate of one window's inference time, in milliseconds. */
    double millisPerWindow() {
        return millisPerWindow;
    }
}
