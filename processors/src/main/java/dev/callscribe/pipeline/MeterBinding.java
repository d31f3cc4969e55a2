package dev.callscribe.pipeline;

/** Meters bound to a client; closing removes them and stops their refresh. Idempotent. */
@FunctionalInterface
public interface MeterBinding extends AutoCloseable {

    @Override
    void close();
}
