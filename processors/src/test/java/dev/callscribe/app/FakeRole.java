package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A role that does nothing but record what happens to it in a shared journal ({@code "start segmenter"},
 * {@code "close segmenter"}), with readiness and health set by the test. Thread-safe.
 */
public class FakeRole implements PipelineRole {

    private final String name;
    private final List<String> journal;
    private volatile boolean ready = true;
    private volatile boolean healthy = true;
    private volatile boolean failOnStart;
    private volatile boolean stopsCleanly = true;
    private volatile Map<String, String> config = Map.of();
    private volatile MeterRegistry registry;

    public FakeRole(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    /** A journal several roles can share. */
    public static List<String> journal() {
        return new CopyOnWriteArrayList<>();
    }

    /** A factory that builds this role, remembering what it was given. */
    public RoleFactory factory() {
        return (givenConfig, givenRegistry) -> {
            config = givenConfig;
            registry = givenRegistry;
            return this;
        };
    }

    public FakeRole ready(boolean isReady) {
        ready = isReady;
        return this;
    }

    public FakeRole healthy(boolean isHealthy) {
        healthy = isHealthy;
        return this;
    }

    /** Whether {@link #stoppedCleanly()} answers true after close. */
    public FakeRole stoppingCleanly(boolean clean) {
        stopsCleanly = clean;
        return this;
    }

    public FakeRole failingOnStart() {
        failOnStart = true;
        return this;
    }

    public Map<String, String> config() {
        return config;
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        journal.add("start " + name);
        if (failOnStart) {
            throw new IllegalStateException("no GPU found");
        }
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public boolean isHealthy() {
        return healthy;
    }

    @Override
    public boolean stoppedCleanly() {
        return stopsCleanly;
    }

    @Override
    public void close() {
        journal.add("close " + name);
    }
}
