package dev.callscribe.transcriber;

import java.time.Duration;

/**
 * What the worker's loop needs from the configuration.
 *
 * @param windowsTopic the topic consumed
 * @param groupId the consumer group
 * @param transactionalId the producer's transactional id, also the worker's name in logs
 * @param batching batch size, wait and time budget
 * @param maxRetries aborted transactions in a row before the worker gives up
 * @param retryBackoff pause before a retry, times the attempt number
 */
record LoopSettings(String windowsTopic, String groupId, String transactionalId, BatchingOptions batching,
                    int maxRetries, Duration retryBackoff) {
}
