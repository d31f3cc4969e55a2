package dev.callscribe.transcriber;

/**
 * How windows are gathered into batches; immutable.
 *
 * @param maxSize most windows per batch
 * @param maxWaitMs longest the first window of a batch waits for more to join it
 * @param windowEstimateMs expected inference time of one window, until measured times replace it
 * @param budgetMs most time one batch may take between two polls (half of max.poll.interval.ms; the transaction
 *     begins after inference, so the transaction timeout does not bound it)
 */
record BatchingOptions(int maxSize, long maxWaitMs, long windowEstimateMs, long budgetMs) {

    BatchingOptions {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        if (maxWaitMs < 0) {
            throw new IllegalArgumentException("maxWaitMs must not be negative, got " + maxWaitMs);
        }
        if (windowEstimateMs < 1) {
            throw new IllegalArgumentException("windowEstimateMs must be at least 1, got " + windowEstimateMs);
        }
        if (budgetMs < 1) {
            throw new IllegalArgumentException("budgetMs must be at least 1, got " + budgetMs);
        }
    }
}
